"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { recoveryCodesSaved } from "@/app/(public)/login/recovery-codes/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export function RecoveryCodesSaved({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations("secondFactor");
  const [state, action, pending] = useActionState(recoveryCodesSaved, null);
  return (
    <form action={action}>
      {state && !state.ok ? <Alert tone="error">{state.error.message}</Alert> : null}
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
      <Button type="submit" disabled={pending} className="w-full" data-testid="second-factor-continue">
        {t("continue")}
      </Button>
    </form>
  );
}
