"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { reapply, submitOnboarding } from "@/app/merchant/onboarding/actions";
import { Form } from "@/components/forms/form";
import { Button } from "@/components/ui/button";

export function SubmitApplication() {
  const t = useTranslations("onboarding");
  const router = useRouter();
  const [state, action, pending] = useActionState(submitOnboarding, null);
  useEffect(() => {
    if (state?.ok) router.push("/merchant");
  }, [state, router]);
  return (
    <Form state={state} action={action} className="space-y-3" data-testid="submit-application">
      <Button type="submit" disabled={pending}>
        {t("submit")}
      </Button>
    </Form>
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
    <Form state={state} action={action} className="space-y-2">
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("reapply")}
      </Button>
    </Form>
  );
}
