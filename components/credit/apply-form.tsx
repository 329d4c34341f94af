"use client";

import { useTranslations } from "next-intl";
import { useActionState, useMemo, useState } from "react";
import { acceptLoanAction, applyLoanAction } from "@/app/_actions/credit";
import { Form } from "@/components/forms/form";
import { useSendErrors } from "@/components/forms/use-send-errors";
import { useSubmit } from "@/components/forms/use-submit";
import { ActionForm } from "@/components/orders/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Choice, ChoiceGroup, Field, SelectField } from "@/components/ui/field";
import { useIdempotencyKey } from "@/components/wallet/use-idempotency-key";
import { annualisedRateBps } from "@/lib/credit/apr";
import { formatDailyRate, formatBps } from "@/lib/credit/rates";
import { buildSchedule, CREDIT_METHODS, CREDIT_TERMS, type CreditMethod, orderLoanSchedule } from "@/lib/credit/schedule";
import { isDomainError } from "@/lib/errors/domain-error";
import { formatFen, parseYuan } from "@/lib/money/fen";
import { ScheduleTable } from "./schedule-table";

export type OrderChoice = { id: string; orderNo: string; maxFen: string; expectedDay: string };

/**
 * The application: product, amount, term and method (or the order), the whole schedule worked out as the merchant
 * types (the same code the loan uses, with the rate the server gave), then the decision at once; an approval is
 * accepted here, after one more look at the amount.
 */
export function ApplyForm(props: {
  creditRateE8: string;
  orderRateE8: string;
  grade: string;
  availableFen: string;
  minFen: string;
  today: string;
  orders: OrderChoice[];
  initialOrder?: string;
}) {
  const t = useTranslations("credit");
  const [state, formAction, pending] = useActionState(useSendErrors(applyLoanAction), null);
  const submit = useSubmit(formAction);
  const [key] = useIdempotencyKey();
  const [product, setProduct] = useState<"CREDIT" | "ORDER">(props.initialOrder ? "ORDER" : "CREDIT");
  const [amount, setAmount] = useState("");
  const [term, setTerm] = useState("3");
  const [method, setMethod] = useState<CreditMethod>("EQUAL_INSTALMENT");
  const [orderId, setOrderId] = useState(props.initialOrder ?? "");
  const order = props.orders.find((o) => o.id === orderId);

  const preview = useMemo(() => {
    let principalFen: bigint;
    try {
      principalFen = parseYuan(amount);
    } catch (error) {
      if (isDomainError(error)) return null;
      throw error;
    }
    if (product === "ORDER") {
      if (!order) return null;
      const schedule = orderLoanSchedule({ principalFen, dailyRateE8: BigInt(props.orderRateE8), startDay: props.today, expectedDay: order.expectedDay });
      return { schedule, aprBps: annualisedRateBps(schedule, props.today) };
    }
    const schedule = buildSchedule({ principalFen, dailyRateE8: BigInt(props.creditRateE8), method, termMonths: Number(term), startDay: props.today });
    return { schedule, aprBps: annualisedRateBps(schedule, props.today) };
  }, [amount, product, order, method, term, props.creditRateE8, props.orderRateE8, props.today]);

  const decision = state?.ok ? state.data : null;
  const max = product === "ORDER" ? (order ? BigInt(order.maxFen) : 0n) : BigInt(props.availableFen);
  return (
    <div className="space-y-4">
      <Form state={state} action={formAction} onSubmit={submit} className="space-y-4" data-testid="loan-apply-form">
        <input type="hidden" name="idempotencyKey" value={key} />
        <ChoiceGroup legend={t("form.product")} name="product">
          {(["CREDIT", "ORDER"] as const).map((p) => (
            <Choice key={p} type="radio" name="product" value={p} checked={product === p} onChange={() => setProduct(p)} data-testid={`loan-product-${p}`}>
              {t(`products.${p}`)}
            </Choice>
          ))}
        </ChoiceGroup>
        {product === "ORDER" ? (
          <SelectField label={t("form.order")} name="orderId" value={orderId} onChange={(e) => setOrderId(e.target.value)} hint={t("form.orderRate", { rate: formatDailyRate(BigInt(props.orderRateE8)) })}>
            <option value="">{t("form.chooseOrder")}</option>
            {props.orders.map((o) => (
              <option key={o.id} value={o.id}>
                {o.orderNo} · {t("maxLoan")} {formatFen(BigInt(o.maxFen))}
              </option>
            ))}
          </SelectField>
        ) : null}
        <Field
          label={t("form.amount")}
          name="amount"
          inputMode="decimal"
          autoComplete="off"
          placeholder="1000.00"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          hint={t("form.amountHint", { min: formatFen(BigInt(props.minFen)), max: formatFen(max) })}
        />
        {product === "CREDIT" ? (
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField label={t("form.term")} name="termMonths" value={term} onChange={(e) => setTerm(e.target.value)} hint={t("form.rate", { rate: formatDailyRate(BigInt(props.creditRateE8)), grade: props.grade })}>
              {CREDIT_TERMS.map((n) => (
                <option key={n} value={String(n)}>
                  {t("form.termMonths", { count: n })}
                </option>
              ))}
            </SelectField>
            <SelectField label={t("form.method")} name="method" value={method} onChange={(e) => setMethod(e.target.value as CreditMethod)}>
              {CREDIT_METHODS.map((m) => (
                <option key={m} value={m}>
                  {t(`methods.${m}`)}
                </option>
              ))}
            </SelectField>
          </div>
        ) : null}

        <section aria-labelledby="schedule-preview-title" className="space-y-2">
          <h2 id="schedule-preview-title" className="text-base font-semibold text-slate-900">
            {t("preview.title")}
          </h2>
          {preview ? (
            <>
              <p className="text-sm text-slate-700" data-testid="schedule-summary">
                {t("preview.totalCost", { interest: formatFen(preview.schedule.interestFen), total: formatFen(preview.schedule.totalFen) })} · {t("preview.apr", { apr: formatBps(preview.aprBps) })}
              </p>
              {product === "ORDER" ? <p className="text-xs text-slate-500">{t("preview.orderNote")}</p> : null}
              <ScheduleTable
                caption={t("preview.title")}
                testId="schedule-preview"
                rows={preview.schedule.instalments.map((i) => ({ seq: i.seq, dueDay: i.dueDay, principalFen: String(i.principalFen), interestFen: String(i.interestFen), totalFen: String(i.totalFen) }))}
              />
            </>
          ) : (
            <p className="text-sm text-slate-500">{t("preview.empty")}</p>
          )}
        </section>

        {!decision ? (
          <Button type="submit" disabled={pending} className="w-full sm:w-auto" data-testid="loan-apply-submit">
            {t("form.submit")}
          </Button>
        ) : null}
      </Form>

      {decision ? (
        <div className="space-y-3" data-testid="loan-decision" data-status={decision.status}>
          <Alert tone={decision.status === "APPROVED" ? "success" : decision.status === "REVIEW" ? "info" : "error"}>
            {t(`decision.${decision.status}`, { amount: amount ? formatFen(parseYuanSafe(amount)) : "" })}
          </Alert>
          {decision.status === "DECLINED" ? (
            <div className="text-sm">
              <p className="font-medium text-slate-800">{t("decision.why")}</p>
              <ul className="mt-1 list-disc space-y-1 pl-5 text-slate-700">
                {decision.reasons.map((r) => (
                  <li key={r}>{reasonText(t, r)}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {decision.status === "APPROVED" ? (
            <ActionForm
              action={acceptLoanAction}
              hidden={{ applicationId: decision.applicationId }}
              label={t("accept")}
              testId="loan-accept-form"
              redirectTo="/merchant/credit"
              confirm={{ title: t("accept"), body: t("acceptConfirm", { amount: formatFen(parseYuanSafe(amount)) }), confirmLabel: t("accept"), cancelLabel: t("cancel") }}
            />
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

const parseYuanSafe = (text: string): bigint => {
  try {
    return parseYuan(text);
  } catch {
    return 0n;
  }
};

/** A decision reason in words: a knock-out or a scorecard factor. */
export function reasonText(t: ReturnType<typeof useTranslations<"credit">>, code: string): string {
  if (t.has(`blocked.${code}` as never)) return t(`blocked.${code}` as never);
  if (t.has(`reasons.${code}.title` as never)) return t(`reasons.${code}.title` as never);
  return code;
}
