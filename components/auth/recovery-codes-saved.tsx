"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { recoveryCodesSaved } from "@/app/(public)/login/recovery-codes/actions";
import { Form } from "@/components/forms/form";
import { Button } from "@/components/ui/button";

export function RecoveryCodesSaved({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations("secondFactor");
  const [state, action, pending] = useActionState(recoveryCodesSaved, null);
  return (
    <Form state={state} action={action}>
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
      <Button type="submit" disabled={pending} className="w-full" data-testid="second-factor-continue">
        {t("continue")}
      </Button>
    </Form>
  );
}
