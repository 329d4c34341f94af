"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { reapply, submitOnboarding } from "@/app/merchant/onboarding/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export function SubmitApplication() {
  const t = useTranslations("onboarding");
  const router = useRouter();
  const [state, action, pending] = useActionState(submitOnboarding, null);
  useEffect(() => {
    if (state?.ok) router.push("/merchant");
  }, [state, router]);
  return (
    <form action={action} className="space-y-3" data-testid="submit-application">
      {state && !state.ok ? <Alert tone="error">{state.error.message}</Alert> : null}
      <Button type="submit" disabled={pending}>
        {t("submit")}
      </Button>
    </form>
  );
}

export function ReapplyButton() {
  const t = useTranslations("onboarding");
  const router = useRouter();
  const [state, action, pending] = useActionState(reapply, null);
  useEffect(() => {
    if (state?.ok) router.push("/merchant/onboarding?step=1");
  }, [state, router]);
  return (
    <form action={action} className="space-y-2">
      {state && !state.ok ? <Alert tone="error">{state.error.message}</Alert> : null}
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("reapply")}
      </Button>
    </form>
  );
}
