"use client";

import { useTranslations } from "next-intl";
import { withdrawAction } from "@/app/_actions/wallet";
import { Field } from "@/components/ui/field";
import { MoneyForm } from "./money-form";

/** Buyers type the bank account; merchants always withdraw to their reviewed settlement account. */
export function WithdrawForm({ settlement }: { settlement?: { bank: string; last4: string } }) {
  const t = useTranslations("wallet");
  return (
    <MoneyForm action={withdrawAction} submitLabel={t("withdrawSubmit")} successKey="withdrawDone" testId="withdraw-form">
      <Field label={t("amount")} name="amount" inputMode="decimal" placeholder="100.00" autoComplete="off" />
      {settlement ? (
        <>
          <p className="text-sm text-slate-600" data-testid="settlement-account">{t("toSettlement", { bank: settlement.bank, last4: settlement.last4 })}</p>
          <input type="hidden" name="bankAccount" value="settlement" />
        </>
      ) : (
        <Field label={t("bankAccount")} name="bankAccount" inputMode="numeric" autoComplete="off" hint={t("bankAccountHint")} />
      )}
    </MoneyForm>
  );
}
