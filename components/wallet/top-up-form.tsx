"use client";

import { useTranslations } from "next-intl";
import { topUpAction } from "@/app/_actions/wallet";
import { Field } from "@/components/ui/field";
import { SANDBOX_CARD } from "@/lib/bank/sandbox-card";
import { MoneyForm } from "./money-form";

export function TopUpForm() {
  const t = useTranslations("wallet");
  return (
    <MoneyForm action={topUpAction} submitLabel={t("topUpSubmit")} successKey="topUpDone" testId="top-up-form">
      <Field label={t("amount")} name="amount" inputMode="decimal" placeholder="100.00" autoComplete="off" />
      <Field label={t("cardNumber")} name="cardNumber" inputMode="numeric" defaultValue={SANDBOX_CARD} hint={t("sandboxCardHint")} autoComplete="off" />
    </MoneyForm>
  );
}
