import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import type { Tx } from "@/lib/db/transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { type Clock, DAY, systemClock } from "@/lib/time/clock";
import { getSetting } from "@/lib/settings/settings";
import { getOwnMerchantOrThrow } from "../get-own-merchant";
import { merchantStates } from "../states";
import { lockEditableMerchant } from "./save-step";
import { STEP_FIELDS, businessStep, representativeStep, settlementStep } from "./schemas";
import { DOCUMENT_KINDS } from "./documents";
import { fenToYuanString } from "@/lib/money/fen";

/**
 * What is still missing, as field errors ("尚未填写注册名称。", "尚未上传营业执照。"): the submit form lists them,
 * each naming its field in the reader's language, never a field's code.
 */
function incomplete(missing: string[]) {
  const fieldErrors = Object.fromEntries(
    [...new Set(missing)].map((field) => [field, (DOCUMENT_KINDS as readonly string[]).includes(field) ? "validation.application.missingDocument" : "validation.application.missing"]),
  );
  return new DomainError("validation", { messageKey: "errors.application_incomplete", fieldErrors });
}

/** Step 5: every step is checked again, all three documents must be there, then DRAFT/NEEDS_INFO → SUBMITTED. */
export async function submitApplication(tx: Tx, actor: Actor, clock: Clock = systemClock) {
  const merchant = await lockEditableMerchant(tx, actor);
  const application = await tx.merchantApplication.findUnique({ where: { merchantId: merchant.id } });
  const documents = await tx.merchantDocument.findMany({ where: { merchantId: merchant.id } });
  const missing: string[] = [];
  if (!application) {
    const fields = [...STEP_FIELDS[1], ...STEP_FIELDS[2], ...STEP_FIELDS[3], ...DOCUMENT_KINDS.filter((kind) => !documents.some((d) => d.kind === kind))];
    throw incomplete(fields);
  }
  const checks = [
    businessStep.safeParse({ ...application, expectedMonthlySales: application.expectedMonthlySalesFen != null ? fenToYuanString(application.expectedMonthlySalesFen) : "" }),
    representativeStep.safeParse(application),
    settlementStep(application).safeParse(application),
  ];
  for (const check of checks) if (!check.success) missing.push(...check.error.issues.map((i) => String(i.path[0])));
  for (const kind of DOCUMENT_KINDS) if (!documents.some((d) => d.kind === kind)) missing.push(kind);
  if (missing.length > 0) throw incomplete(missing);
  merchantStates.assert(merchant.status, "SUBMITTED");
  const now = clock.now();
  await tx.merchant.update({ where: { id: merchant.id }, data: { status: "SUBMITTED", submittedAt: now } });
  await tx.merchantApplication.update({ where: { merchantId: merchant.id }, data: { needsInfoFields: [] } });
  await tx.merchantReview.create({ data: { merchantId: merchant.id, actorId: actor.userId, fromStatus: merchant.status, toStatus: "SUBMITTED" } });
  await recordAudit(tx, { actorId: actor.userId, action: "merchant.submit", targetType: "merchant", targetId: merchant.id, before: { status: merchant.status }, after: { status: "SUBMITTED" } });
  return { status: "SUBMITTED" as const };
}

/**
 * When a rejected merchant may start a new application: the rejection plus the cooling-off period (a setting).
 * The overview shows this date and enables its button from then on; startNewApplication checks the same.
 */
export async function reapplyOpensAt(merchant: { rejectedAt: Date | null; updatedAt: Date }): Promise<Date> {
  const days = await getSetting("merchant.reapplyCoolingDays");
  return new Date((merchant.rejectedAt ?? merchant.updatedAt).getTime() + days * DAY);
}

/** After a rejection and the cooling-off period (a setting), the merchant may prepare a new application. */
export async function startNewApplication(tx: Tx, actor: Actor, clock: Clock = systemClock) {
  const merchant = await getOwnMerchantOrThrow(tx, actor);
  merchantStates.assert(merchant.status, "DRAFT");
  const allowedFrom = await reapplyOpensAt(merchant);
  if (clock.now() < allowedFrom) {
    throw new DomainError("invalid_transition", { messageKey: "errors.cooling_off", params: { date: allowedFrom.toISOString().slice(0, 10) } });
  }
  const updated = await tx.merchant.updateMany({ where: { id: merchant.id, status: "REJECTED" }, data: { status: "DRAFT", submittedAt: null } });
  if (updated.count !== 1) throw new DomainError("invalid_transition");
  await tx.merchantApplication.updateMany({ where: { merchantId: merchant.id }, data: { reviewMessage: null, reviewReasonCode: null, needsInfoFields: [] } });
  await tx.merchantReview.create({ data: { merchantId: merchant.id, actorId: actor.userId, fromStatus: "REJECTED", toStatus: "DRAFT" } });
  await recordAudit(tx, { actorId: actor.userId, action: "merchant.reapply", targetType: "merchant", targetId: merchant.id, before: { status: "REJECTED" }, after: { status: "DRAFT" } });
  return { status: "DRAFT" as const };
}
