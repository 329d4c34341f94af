"use client";

import { type ConfirmOption, useConfirm } from "@/components/forms/use-confirm";
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
 * A small form around one action: hidden fields, an idempotency key, the outcome (errors on their fields,
 * through Form), then a refresh or a move. After a success the fields are emptied (a sent message leaves the box).
 */
export function ActionForm({
  action,
  hidden,
  label,
  variant = "primary",
  successMessage,
  redirectTo,
  testId,
  confirm,
  children,
}: {
  action: Action;
  hidden: Record<string, string>;
  label: string;
  variant?: "primary" | "secondary" | "danger";
  successMessage?: string;
  redirectTo?: string;
  testId: string;
  /** Asked before the action runs (money moves, or something cannot be undone): see useConfirm. */
  confirm?: ConfirmOption;
  children?: ReactNode;
}) {
  const router = useRouter();
  // Without JavaScript the form posts to the server action itself: progressive enhancement needs the action as
  // given, not wrapped, so a second state holds what such a post returned. With JavaScript, the wrapped one runs.
  const [postedState, postAction] = useActionState(action as Action, null);
  const [sentState, formAction, pending] = useActionState(useSendErrors(action as Action), null);
  const state = sentState ?? postedState;
  const submit = useSubmit(formAction);
  const asked = useConfirm(confirm, submit);
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
    <Form state={state} formRef={form} action={postAction} onSubmit={asked.onSubmit} className="space-y-2" data-testid={testId}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="idempotencyKey" value={key} />
      {children}
      {state?.ok && successMessage ? <Alert tone="success">{successMessage}</Alert> : null}
      <Button type="submit" variant={variant} disabled={pending}>
        {label}
      </Button>
      {asked.dialog}
    </Form>
  );
}
