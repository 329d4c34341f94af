"use client";

import { useSubmit } from "@/components/forms/use-submit";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, type ReactNode } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { formatFen } from "@/lib/money/fen";
import { Form } from "@/components/forms/form";
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
  children: ReactNode;
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

  return (
    <Form state={state} formRef={form} action={formAction} onSubmit={submit} className="space-y-3" data-testid={testId}>
      {state?.ok ? (
        <Alert tone="success">
          {t(successKey, { amount: formatFen(state.data.amountFen), balance: formatFen(state.data.balanceFen) })}
        </Alert>
      ) : null}
      {children}
      <input type="hidden" name="idempotencyKey" value={key} />
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {submitLabel}
      </Button>
    </Form>
  );
}
