import { z } from "zod";
import { assertPermission, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import type { Tx } from "@/lib/db/transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { withIdempotency } from "@/lib/ledger/idempotency";
import { fenToYuanString } from "@/lib/money/fen";
import { type Clock, systemClock } from "@/lib/time/clock";
import { multiLine } from "@/lib/validation/text";
import { getDisputeForParty } from "./access";
import { settleDispute } from "./settle";
import { addToThread } from "./thread";

export const DECISION_REASONS = ["EVIDENCE_SUPPORTS_BUYER", "EVIDENCE_SUPPORTS_MERCHANT", "SHARED_RESPONSIBILITY", "NOT_DELIVERED", "OTHER"] as const;

export const disputeDecisionSchema = z.object({
  outcome: z.enum(["REFUND_FULL", "REFUND_PART", "RELEASE"], { error: "validation.outcome" }),
  amountFen: z.bigint().optional(),
  reasonCode: z.enum(DECISION_REASONS, { error: "validation.reasonCode" }),
  note: multiLine({ max: 1000, required: "validation.message.required" }),
});

/**
 * An admin decides an escalated dispute; the money moves in the same transaction, and it is audited. The
 * decision is final for the order (no further dispute on it). A retry with the same idempotency key returns
 * the first decision.
 */
export async function decideDispute(
  tx: Tx,
  actor: Actor,
  target: { disputeId: string; idempotencyKey: string },
  raw: z.input<typeof disputeDecisionSchema>,
  clock: Clock = systemClock,
) {
  assertPermission(actor, "disputes.decide");
  const input = disputeDecisionSchema.parse(raw);
  const { disputeId } = target;
  return (
    await withIdempotency(tx, { scope: `${actor.userId}:dispute.decide`, key: target.idempotencyKey, request: { disputeId, ...input } }, () => decide(tx, actor, disputeId, input, clock))
  ).result;
}

async function decide(tx: Tx, actor: Actor, disputeId: string, input: z.infer<typeof disputeDecisionSchema>, clock: Clock) {
  const { dispute } = await getDisputeForParty(tx, actor, disputeId, true);
  if (dispute.status !== "ESCALATED") throw new DomainError("invalid_transition", { messageKey: "errors.dispute_not_escalated" });
  let refundFen = 0n;
  if (input.outcome === "REFUND_FULL") refundFen = dispute.claimedFen;
  if (input.outcome === "REFUND_PART") {
    refundFen = input.amountFen ?? 0n;
    if (refundFen <= 0n || refundFen >= dispute.claimedFen) throw new DomainError("invalid_amount", { messageKey: "errors.dispute_amount", fieldErrors: { amount: "errors.dispute_amount" } });
  }
  const status = input.outcome === "REFUND_FULL" ? "RESOLVED_BUYER" : input.outcome === "REFUND_PART" ? "RESOLVED_SPLIT" : "RESOLVED_MERCHANT";
  await addToThread(tx, { disputeId, authorId: actor.userId, authorRole: "ADMIN", kind: "DECISION", body: input.note, amountFen: refundFen });
  await settleDispute(tx, dispute, { status, refundFen, actorId: actor.userId }, clock.now(), { decisionReason: input.reasonCode, decisionNote: input.note, arbitrated: true });
  await recordAudit(tx, {
    actorId: actor.userId,
    action: "dispute.decide",
    targetType: "dispute",
    targetId: disputeId,
    before: { status: dispute.status, claimed: fenToYuanString(dispute.claimedFen) },
    after: { status, refunded: fenToYuanString(refundFen), reason: input.reasonCode, note: input.note },
  });
  return { status, refundFen };
}
