"use client";

import { useTranslations } from "next-intl";
import { withdrawAction } from "@/app/_actions/wallet";
import { Field } from "@/components/ui/field";
import { MoneyForm } from "./money-form";

export function WithdrawForm() {
  const t = useTranslations("wallet");
  return (
    <MoneyForm action={withdrawAction} submitLabel={t("withdrawSubmit")} successKey="withdrawDone" testId="withdraw-form">
      {(fieldError) => (
        <>
          <Field label={t("amount")} name="amount" inputMode="decimal" placeholder="100.00" autoComplete="off" error={fieldError("amount")} />
          <Field label={t("bankAccount")} name="bankAccount" inputMode="numeric" autoComplete="off" hint={t("bankAccountHint")} error={fieldError("bankAccount")} />
        </>
      )}
    </MoneyForm>
  );
}
