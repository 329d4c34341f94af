"use client";

import { useSubmit } from "@/components/forms/use-submit";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, type ReactNode } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { Form } from "@/components/forms/form";
import { Button } from "@/components/ui/button";

type Action = (state: ActionResult<{ saved: boolean }> | null, form: FormData) => Promise<ActionResult<{ saved: boolean }>>;

/** One onboarding step: saves through its action, then moves on to `next`. */
export function StepForm({
  action,
  next,
  submitLabel,
  children,
  testId,
}: {
  action: Action;
  next: string;
  submitLabel?: string;
  testId: string;
  children: ReactNode;
}) {
  const t = useTranslations("onboarding");
  const router = useRouter();
  const [state, formAction, pending] = useActionState(action, null);
  const submit = useSubmit(formAction);
  useEffect(() => {
    if (state?.ok) router.push(next);
  }, [state, next, router]);
  return (
    <Form state={state} action={formAction} onSubmit={submit} className="space-y-4" data-testid={testId}>
      {children}
      <Button type="submit" disabled={pending}>
        {submitLabel ?? t("saveAndContinue")}
      </Button>
    </Form>
  );
}
