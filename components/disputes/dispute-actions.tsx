"use client";

import { useTranslations } from "next-intl";
import {
  buyerAcceptOfferAction,
  buyerEscalateAction,
  buyerWithdrawAction,
  decideDisputeAction,
  merchantAcceptAction,
  merchantContestAction,
  merchantOfferAction,
  postDisputeMessageAction,
} from "@/app/_actions/disputes";
import { FileInput } from "@/components/forms/file-input";
import { ActionForm } from "@/components/orders/action-form";
import { Field, SelectField, TextareaField } from "@/components/ui/field";
import { isDomainError } from "@/lib/errors/domain-error";
import { formatFen, parseYuan } from "@/lib/money/fen";
import { EVIDENCE_LIMITS, formatMegabytes } from "@/lib/uploads/limits";

const DECISION_REASONS = ["EVIDENCE_SUPPORTS_BUYER", "EVIDENCE_SUPPORTS_MERCHANT", "SHARED_RESPONSIBILITY", "NOT_DELIVERED", "OTHER"];

function FilesInput({ label }: { label: string }) {
  return <FileInput name="files" label={label} limits={EVIDENCE_LIMITS} multiple />;
}

/** What this party may do now; the server checks it all again. */
export function DisputeActions({ party, disputeId, status, offerFen, claimedFen }: { party: string; disputeId: string; status: string; offerFen: string | null; claimedFen: string }) {
  const t = useTranslations("disputes");
  const hidden = { disputeId };
  // The decision moves money at once and is final: the admin sees what goes to whom before it is sent.
  const decisionQuestion = (form: FormData, claimed: bigint) => {
    const outcome = form.get("outcome");
    const ask = (body: string) => ({ title: t("decideTitle"), body, confirmLabel: t("decide"), cancelLabel: t("decideBack"), tone: "danger" as const });
    if (outcome === "REFUND_FULL") return ask(t("decideFull", { amount: formatFen(claimed) }));
    if (outcome === "RELEASE") return ask(t("decideRelease"));
    if (outcome !== "REFUND_PART") return null;
    try {
      return ask(t("decidePart", { amount: formatFen(parseYuan(String(form.get("amount") ?? ""))) }));
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return null; // not an amount: the server says what is wrong with it
    }
  };
  return (
    <div className="space-y-6">
      {party === "MERCHANT" && status === "OPEN" ? (
        <>
          <ActionForm action={merchantAcceptAction} hidden={hidden} label={t("accept", { amount: formatFen(BigInt(claimedFen)) })} testId="merchant-accept" />
          <ActionForm action={merchantOfferAction} hidden={hidden} label={t("offer")} variant="secondary" testId="merchant-offer">
            <Field label={t("offerAmount")} name="amount" inputMode="decimal" />
            <TextareaField name="body" rows={2} label={t("message")} />
          </ActionForm>
          <ActionForm action={merchantContestAction} hidden={hidden} label={t("contest")} variant="secondary" testId="merchant-contest">
            <TextareaField name="body" rows={3} label={t("contestReason")} />
            <FilesInput label={t("evidence", { max: formatMegabytes(EVIDENCE_LIMITS.maxBytes), count: EVIDENCE_LIMITS.maxFiles })} />
          </ActionForm>
        </>
      ) : null}
      {party === "BUYER" ? (
        <>
          {status === "AWAITING_BUYER" && offerFen ? (
            <ActionForm action={buyerAcceptOfferAction} hidden={hidden} label={t("acceptOffer", { amount: formatFen(BigInt(offerFen)) })} testId="buyer-accept-offer" />
          ) : null}
          {status !== "ESCALATED" ? (
            <ActionForm action={buyerEscalateAction} hidden={hidden} label={t("escalate")} variant="secondary" testId="buyer-escalate">
              <TextareaField name="body" rows={2} label={t("escalateReason")} />
            </ActionForm>
          ) : null}
          {status !== "ESCALATED" ? <ActionForm action={buyerWithdrawAction} hidden={hidden} label={t("withdraw")} variant="danger" testId="buyer-withdraw" /> : null}
        </>
      ) : null}
      {party === "ADMIN" && status === "ESCALATED" ? (
        <ActionForm action={decideDisputeAction} hidden={hidden} label={t("decide")} testId="admin-decide" confirm={(form) => decisionQuestion(form, BigInt(claimedFen))}>
          <SelectField label={t("outcomeLabel")} name="outcome" defaultValue="REFUND_PART">
            <option value="REFUND_FULL">{t("outcomes.REFUND_FULL")}</option>
            <option value="REFUND_PART">{t("outcomes.REFUND_PART")}</option>
            <option value="RELEASE">{t("outcomes.RELEASE")}</option>
          </SelectField>
          <Field label={t("partAmount")} name="amount" inputMode="decimal" />
          <SelectField label={t("decisionReason")} name="reasonCode" defaultValue="">
            <option value="">—</option>
            {DECISION_REASONS.map((r) => (
              <option key={r} value={r}>{t(`decisionReasons.${r}` as never)}</option>
            ))}
          </SelectField>
          <TextareaField name="note" rows={2} label={t("decisionNote")} />
        </ActionForm>
      ) : null}
      <ActionForm action={postDisputeMessageAction} hidden={hidden} label={t("send")} variant="secondary" testId="dispute-message">
        <TextareaField name="body" rows={2} label={t("message")} />
        <FilesInput label={t("evidence", { max: formatMegabytes(EVIDENCE_LIMITS.maxBytes), count: EVIDENCE_LIMITS.maxFiles })} />
      </ActionForm>
    </div>
  );
}
