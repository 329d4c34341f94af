import { assertRole, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import type { Tx } from "@/lib/db/transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { notify } from "@/lib/notifications/notify";
import { type Clock, DAY, systemClock } from "@/lib/time/clock";
import { creditSettings } from "./settings";
import { applicationStates } from "./states";

async function lockForReview(tx: Tx, applicationId: string) {
  const [row] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM loan_applications WHERE id = ${applicationId} FOR UPDATE`;
  if (!row) throw new DomainError("not_found");
  const application = await tx.loanApplication.findUniqueOrThrow({ where: { id: row.id } });
  if (application.status !== "REVIEW") throw applicationStates.refusal(application.status, "APPROVED");
  return application;
}

export type ReviewOutcome = { status: "PROPOSED" | "APPROVED" | "DECLINED" };

/**
 * An administrator approves an application waiting for review. Below credit.makerCheckerAmountFen one approval is
 * enough. From that amount on it takes two administrators (maker-checker): the first approval is recorded as a
 * proposal, and only another administrator can then approve it; the one who proposed may not (refused, and the
 * database's loan_applications_four_eyes CHECK refuses it too). Every step is audited; the merchant is told once it
 * is approved, and then accepts the contract like any approval.
 */
export async function approveApplication(tx: Tx, actor: Actor, input: { applicationId: string; note: string }, clock: Clock = systemClock): Promise<ReviewOutcome> {
  assertRole(actor, ["ADMIN"]);
  const application = await lockForReview(tx, input.applicationId);
  const settings = await creditSettings();
  const now = clock.now();
  const twoNeeded = application.amountFen >= settings.makerCheckerAmountFen;
  if (twoNeeded && !application.proposedById) {
    await tx.loanApplication.update({ where: { id: application.id }, data: { proposedById: actor.userId, proposedAt: now, reviewNote: input.note || null } });
    await recordAudit(tx, { actorId: actor.userId, action: "credit.review.propose", targetType: "loan_application", targetId: application.id, before: { status: "REVIEW" }, after: { status: "REVIEW", proposedBy: actor.userId, amountFen: application.amountFen.toString(), note: input.note } });
    return { status: "PROPOSED" };
  }
  if (twoNeeded && application.proposedById === actor.userId) throw new DomainError("forbidden", { messageKey: "credit.errors.four_eyes" });
  await tx.loanApplication.update({
    where: { id: application.id },
    data: { status: "APPROVED", decidedById: actor.userId, decidedAt: now, expiresAt: new Date(now.getTime() + settings.approvalValidDays * DAY), reviewNote: input.note || application.reviewNote },
  });
  await recordAudit(tx, { actorId: actor.userId, action: "credit.review.approve", targetType: "loan_application", targetId: application.id, before: { status: "REVIEW", proposedBy: application.proposedById }, after: { status: "APPROVED", note: input.note } });
  await notify(tx, application.userId, "credit.approved", { amountFen: application.amountFen.toString(), applicationId: application.id });
  return { status: "APPROVED" };
}

/** An administrator declines an application waiting for review (one is enough), with a note; audited, the merchant told. */
export async function declineApplication(tx: Tx, actor: Actor, input: { applicationId: string; note: string }, clock: Clock = systemClock): Promise<ReviewOutcome> {
  assertRole(actor, ["ADMIN"]);
  const application = await lockForReview(tx, input.applicationId);
  await tx.loanApplication.update({
    where: { id: application.id },
    data: { status: "DECLINED", decidedById: actor.userId, decidedAt: clock.now(), reviewNote: input.note, reasons: ["REVIEW_DECLINED"] },
  });
  await recordAudit(tx, { actorId: actor.userId, action: "credit.review.decline", targetType: "loan_application", targetId: application.id, before: { status: "REVIEW" }, after: { status: "DECLINED", note: input.note } });
  await notify(tx, application.userId, "credit.declined", { amountFen: application.amountFen.toString(), applicationId: application.id });
  return { status: "DECLINED" };
}
