"use client";

import { useTranslations } from "next-intl";
import { reviewLoanAction } from "@/app/_actions/credit";
import { ActionForm } from "@/components/orders/action-form";
import { TextareaField } from "@/components/ui/field";

/** An administrator's decision on an application in review: approve (a proposal, above the maker-checker amount) or decline with a note. */
export function ReviewForms({ applicationId }: { applicationId: string }) {
  const t = useTranslations("adminCredit");
  const tc = useTranslations("credit");
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <ActionForm
        action={reviewLoanAction}
        hidden={{ applicationId, decision: "APPROVE" }}
        label={t("approve")}
        testId="loan-approve-form"
        successMessage={t("decided.APPROVED")}
        confirm={{ title: t("approve"), body: t("application"), confirmLabel: t("approve"), cancelLabel: tc("cancel") }}
      >
        <TextareaField label={t("note")} name="note" maxLength={500} />
      </ActionForm>
      <ActionForm
        action={reviewLoanAction}
        hidden={{ applicationId, decision: "DECLINE" }}
        label={t("decline")}
        variant="danger"
        testId="loan-decline-form"
        successMessage={t("decided.DECLINED")}
      >
        <TextareaField label={t("note")} name="note" maxLength={500} />
      </ActionForm>
    </div>
  );
}
