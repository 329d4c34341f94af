"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { redeemAction, subscribeAction } from "@/app/_actions/fund";
import { useSendErrors } from "@/components/forms/use-send-errors";
import { useSubmit } from "@/components/forms/use-submit";
import { Form } from "@/components/forms/form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useIdempotencyKey } from "@/components/wallet/use-idempotency-key";
import type { ActionResult } from "@/lib/actions/result";
import { formatFen } from "@/lib/money/fen";
import { formatDateTime } from "@/lib/time/format";

type Subscribed = { amountFen: bigint; fundBalanceFen: bigint };
type Redeemed = { instantFen: bigint; pendingFen: bigint; arrivesAt: string | null };
type Action<T> = (state: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

/**
 * Moves money between the wallet and the fund: an amount (the one yuan parser on the server), an idempotency
 * key (a double click moves it once), the outcome in words, a reset after success.
 */
function MoveForm<T>({ action, testId, hint, submitLabel, success }: { action: Action<T>; testId: string; hint: string; submitLabel: string; success: (data: T) => string }) {
  const t = useTranslations("fund");
  const [state, formAction, pending] = useActionState(useSendErrors(action), null);
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
      {state?.ok ? <Alert tone="success">{success(state.data)}</Alert> : null}
      <Field label={t("amount")} name="amount" inputMode="decimal" placeholder="100.00" autoComplete="off" hint={hint} />
      <input type="hidden" name="idempotencyKey" value={key} />
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {submitLabel}
      </Button>
    </Form>
  );
}

export function SubscribeForm({ walletFen }: { walletFen: string }) {
  const t = useTranslations("fund");
  return (
    <MoveForm<Subscribed>
      action={subscribeAction}
      testId="fund-subscribe-form"
      hint={t("subscribeHint", { wallet: formatFen(BigInt(walletFen)) })}
      submitLabel={t("subscribeSubmit")}
      success={(d) => t("subscribed", { amount: formatFen(d.amountFen), balance: formatFen(d.fundBalanceFen) })}
    />
  );
}

export function RedeemForm({ instantLeftFen, arrivesAt }: { instantLeftFen: string; arrivesAt: string }) {
  const t = useTranslations("fund");
  const locale = useLocale();
  const when = (iso: string) => formatDateTime(new Date(iso), locale);
  return (
    <MoveForm<Redeemed>
      action={redeemAction}
      testId="fund-redeem-form"
      hint={t("redeemHint", { left: formatFen(BigInt(instantLeftFen)), time: when(arrivesAt) })}
      submitLabel={t("redeemSubmit")}
      success={(d) =>
        d.pendingFen === 0n
          ? t("redeemedNow", { amount: formatFen(d.instantFen) })
          : d.instantFen === 0n
            ? t("redeemedLater", { later: formatFen(d.pendingFen), time: when(d.arrivesAt!) })
            : t("redeemedSplit", { now: formatFen(d.instantFen), later: formatFen(d.pendingFen), time: when(d.arrivesAt!) })
      }
    />
  );
}
