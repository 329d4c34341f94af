"use client";

import { useSubmit } from "@/components/forms/use-submit";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, type ReactNode } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { formatFen } from "@/lib/money/fen";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useIdempotencyKey } from "./use-idempotency-key";

type MoneyResult = { amountFen: bigint; balanceFen: bigint; replayed: boolean };
type Action = (state: ActionResult<MoneyResult> | null, form: FormData) => Promise<ActionResult<MoneyResult>>;

/** A form that moves money: carries an idempotency key, shows the outcome, resets after success. */
export function MoneyForm({
  action,
  submitLabel,
  successKey,
  testId,
  children,
}: {
  action: Action;
  submitLabel: string;
  successKey: "topUpDone" | "withdrawDone";
  testId: string;
  children: (fieldError: (name: string) => string | undefined) => ReactNode;
}) {
  const t = useTranslations("wallet");
  const [state, formAction, pending] = useActionState(action, null);
  const submit = useSubmit(formAction);
  const [key, renewKey] = useIdempotencyKey();
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (state?.ok) {
      renewKey();
      form.current?.reset();
    }
  }, [state, renewKey]);

  const fieldError = (name: string) => (state && !state.ok ? state.error.fieldErrors?.[name] : undefined);
  return (
    <form ref={form} action={formAction} onSubmit={submit} className="space-y-3" noValidate data-testid={testId}>
      {state?.ok ? (
        <Alert tone="success">
          {t(successKey, { amount: formatFen(state.data.amountFen), balance: formatFen(state.data.balanceFen) })}
        </Alert>
      ) : null}
      {state && !state.ok && !state.error.fieldErrors ? <Alert tone="error">{state.error.message}</Alert> : null}
      {children(fieldError)}
      <input type="hidden" name="idempotencyKey" value={key} />
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {submitLabel}
      </Button>
    </form>
  );
}
