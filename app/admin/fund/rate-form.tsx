"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { useSendErrors } from "@/components/forms/use-send-errors";
import { useSubmit } from "@/components/forms/use-submit";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { per10kYuanText } from "@/lib/fund/format";
import { setFundRateAction } from "./actions";

/**
 * The fund's rate from a day on: income per 10,000 units or an annualised percent (radio buttons, both fields
 * posted, so it works without scripts; the one not chosen is ignored), the day it takes effect, and why.
 */
export function RateForm({ today }: { today: string }) {
  const t = useTranslations("adminFund");
  const [state, formAction, pending] = useActionState(useSendErrors(setFundRateAction), null);
  const submit = useSubmit(formAction);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  const error = (name: string) => (state && !state.ok ? state.error.fieldErrors?.[name] : undefined);
  return (
    <form ref={form} action={formAction} onSubmit={submit} className="space-y-3" noValidate data-testid="fund-rate-form">
      {state?.ok ? <Alert tone="success">{t("rateSaved", { per10k: `¥${per10kYuanText(state.data.per10kE4)}` })}</Alert> : null}
      {state && !state.ok ? <Alert tone="error">{state.error.message}</Alert> : null}
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-700">{t("enteredAs")}</legend>
        <div className="flex flex-wrap gap-4 text-sm">
          {(["ANNUAL", "PER_10K"] as const).map((m) => (
            <label key={m} className="flex items-center gap-2">
              <input type="radio" name="enteredAs" value={m} defaultChecked={m === "ANNUAL"} />
              {t(`entered.${m}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t("annualPercent")} name="annualPercent" inputMode="decimal" placeholder="1.75" autoComplete="off" hint={t("annualHint")} error={error("annualPercent")} />
        <Field label={t("per10kYuan")} name="per10kYuan" inputMode="decimal" placeholder="0.4795" autoComplete="off" hint={t("per10kHint")} error={error("per10kYuan")} />
      </div>
      <Field label={t("effectiveFrom")} name="effectiveFrom" type="date" defaultValue={today} min={today} error={error("effectiveFrom")} />
      <div className="space-y-1">
        <label htmlFor="fund-rate-reason" className="block text-sm font-medium text-slate-700">
          {t("reason")}
        </label>
        <textarea
          id="fund-rate-reason"
          name="reason"
          rows={2}
          aria-invalid={error("reason") ? true : undefined}
          aria-describedby={error("reason") ? "fund-rate-reason-error" : undefined}
          className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm aria-[invalid=true]:border-red-500"
        />
        {error("reason") ? (
          <p id="fund-rate-reason-error" className="text-xs text-red-600" role="alert">
            {error("reason")}
          </p>
        ) : null}
      </div>
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {t("saveRate")}
      </Button>
    </form>
  );
}
