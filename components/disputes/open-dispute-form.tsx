"use client";

import { useTranslations } from "next-intl";
import { openDisputeAction } from "@/app/_actions/disputes";
import { FileInput } from "@/components/forms/file-input";
import { ActionForm } from "@/components/orders/action-form";
import { Field, SelectField, TextareaField } from "@/components/ui/field";
import { EVIDENCE_LIMITS, formatMegabytes } from "@/lib/uploads/limits";

const REASONS = ["NOT_RECEIVED", "NOT_AS_DESCRIBED", "DAMAGED", "COUNTERFEIT", "OTHER"];

export function OpenDisputeForm({ orderId, maxYuan }: { orderId: string; maxYuan: string }) {
  const t = useTranslations("disputes");
  return (
    <ActionForm action={openDisputeAction} hidden={{ orderId }} label={t("open")} variant="danger" testId="open-dispute">
      <SelectField label={t("reason")} name="reason" defaultValue="">
        <option value="">—</option>
        {REASONS.map((r) => (
          <option key={r} value={r}>{t(`reasons.${r}` as never)}</option>
        ))}
      </SelectField>
      <Field label={t("claimAmount")} name="amount" inputMode="decimal" defaultValue={maxYuan} hint={t("claimHint", { max: maxYuan })} />
      <TextareaField label={t("description")} name="description" rows={3} />
      <FileInput name="files" label={t("evidenceHint", { max: formatMegabytes(EVIDENCE_LIMITS.maxBytes), count: EVIDENCE_LIMITS.maxFiles })} limits={EVIDENCE_LIMITS} multiple />
    </ActionForm>
  );
}
