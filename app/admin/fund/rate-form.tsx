"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { useSendErrors } from "@/components/forms/use-send-errors";
import { useSubmit } from "@/components/forms/use-submit";
import { Form } from "@/components/forms/form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Choice, ChoiceGroup, Field, TextareaField } from "@/components/ui/field";
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
  return (
    <Form state={state} formRef={form} action={formAction} onSubmit={submit} className="space-y-3" data-testid="fund-rate-form">
      {state?.ok ? <Alert tone="success">{t("rateSaved", { per10k: `¥${per10kYuanText(state.data.per10kE4)}` })}</Alert> : null}
      <ChoiceGroup legend={t("enteredAs")} name="enteredAs" className="space-y-1">
        <div className="flex flex-wrap gap-4 text-sm">
          {(["ANNUAL", "PER_10K"] as const).map((m) => (
            <Choice key={m} type="radio" name="enteredAs" value={m} defaultChecked={m === "ANNUAL"}>
              {t(`entered.${m}`)}
            </Choice>
          ))}
        </div>
      </ChoiceGroup>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t("annualPercent")} name="annualPercent" inputMode="decimal" placeholder="1.75" autoComplete="off" hint={t("annualHint")} />
        <Field label={t("per10kYuan")} name="per10kYuan" inputMode="decimal" placeholder="0.4795" autoComplete="off" hint={t("per10kHint")} />
      </div>
      <Field label={t("effectiveFrom")} name="effectiveFrom" type="date" defaultValue={today} min={today} />
      <TextareaField label={t("reason")} name="reason" />
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {t("saveRate")}
      </Button>
    </Form>
  );
}
