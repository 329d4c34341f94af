"use client";

import { useSendErrors } from "@/components/forms/use-send-errors";
import { useSubmit } from "@/components/forms/use-submit";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef, type ReactNode } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { Form } from "@/components/forms/form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useIdempotencyKey } from "@/components/wallet/use-idempotency-key";

type Action = (state: ActionResult<unknown> | null, form: FormData) => Promise<ActionResult<unknown>>;

/**
 * A small form around one action: hidden fields, an idempotency key, the outcome, then a refresh or a move.
 * After a success the fields are emptied (a sent message leaves the box).
 */
export function ActionForm({
  action,
  hidden,
  label,
  variant = "primary",
  successMessage,
  redirectTo,
  testId,
  children,
}: {
  action: Action;
  hidden: Record<string, string>;
  label: string;
  variant?: "primary" | "secondary" | "danger";
  successMessage?: string;
  redirectTo?: string;
  testId: string;
  children?: ReactNode;
}) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState(useSendErrors(action as Action), null);
  const submit = useSubmit(formAction);
  const [key, renew] = useIdempotencyKey();
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!state?.ok) return;
    renew();
    form.current?.reset();
    if (redirectTo) router.push(redirectTo);
    else router.refresh();
  }, [state, renew, redirectTo, router]);
  return (
    <Form state={state} formRef={form} action={formAction} onSubmit={submit} className="space-y-2" data-testid={testId}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="idempotencyKey" value={key} />
      {children}
      {state?.ok && successMessage ? <Alert tone="success">{successMessage}</Alert> : null}
      <Button type="submit" variant={variant} disabled={pending}>
        {label}
      </Button>
    </Form>
  );
}
