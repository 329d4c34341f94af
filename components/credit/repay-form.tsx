"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { repayLoanAction } from "@/app/_actions/credit";
import { ActionForm } from "@/components/orders/action-form";
import { CheckboxField, Field } from "@/components/ui/field";
import { formatFen } from "@/lib/money/fen";

/** Early repayment: an amount, or everything owed now; asked once more before the money moves. */
export function RepayForm({ loanId, owedFen }: { loanId: string; owedFen: string }) {
  const t = useTranslations("credit.repay");
  const tc = useTranslations("credit");
  const [full, setFull] = useState(false);
  const owed = formatFen(BigInt(owedFen));
  return (
    <ActionForm
      action={repayLoanAction}
      hidden={{ loanId }}
      label={t("submit")}
      testId="loan-repay-form"
      successMessage={t("doneFull")}
      confirm={(form) => ({
        title: t("title"),
        body: t("confirm"),
        confirmLabel: t("submit"),
        cancelLabel: tc("cancel"),
        ...(form.get("full") ? {} : { amount: { field: "amount", label: t("amount") } }),
      })}
    >
      <CheckboxField label={t("full", { amount: owed })} name="full" value="on" checked={full} onChange={(e) => setFull(e.target.checked)} />
      {!full ? <Field label={t("amount")} name="amount" inputMode="decimal" autoComplete="off" placeholder="100.00" /> : null}
    </ActionForm>
  );
}
