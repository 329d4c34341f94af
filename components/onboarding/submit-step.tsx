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

/**
 * "Start a new application", with the date it becomes possible said up front (`opensOn`, in the reader's time
 * zone) and the button enabled only from then (`open`, decided by the server); the server checks again.
 */
export function ReapplyButton({ opensOn, open }: { opensOn: string; open: boolean }) {
  const t = useTranslations("onboarding");
  const router = useRouter();
  const [state, action, pending] = useActionState(reapply, null);
  useEffect(() => {
    if (state?.ok) router.push("/merchant/onboarding?step=1");
  }, [state, router]);
  return (
    <Form state={state} action={action} className="space-y-2" data-testid="reapply">
      <p className="text-sm text-slate-600" data-testid="reapply-date">
        {open ? t("reapplyOpen", { date: opensOn }) : t("reapplyFrom", { date: opensOn })}
      </p>
      <Button type="submit" variant="secondary" disabled={pending || !open} aria-disabled={!open}>
        {t("reapply")}
      </Button>
    </Form>
  );
}
