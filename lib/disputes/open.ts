import { z } from "zod";
import { assertRole, type Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { addOrderEvent } from "@/lib/escrow/events";
import { getOrderForBuyerOrThrow } from "@/lib/escrow/lookup";
import { notify } from "@/lib/notifications/notify";
import { getSetting } from "@/lib/settings/settings";
import { type Clock, DAY, systemClock } from "@/lib/time/clock";
import { multiLine, recordId } from "@/lib/validation/text";
import { refreshDisputeStats } from "./stats";
import { addToThread, checkEvidence, type Evidence } from "./thread";

export const DISPUTE_REASONS = ["NOT_RECEIVED", "NOT_AS_DESCRIBED", "DAMAGED", "COUNTERFEIT", "OTHER"] as const;

export const openDisputeSchema = z.object({
  orderId: recordId(),
  reason: z.enum(DISPUTE_REASONS, { error: "validation.disputeReason" }),
  claimedFen: z.bigint({ error: "validation.amount.format" }).positive({ error: "validation.amount.positive" }),
  description: multiLine({ min: 5, max: 2000, required: "validation.description", tooShort: "validation.description" }),
});

/**
 * A buyer disputes a paid or shipped order (frozen at once: no release, no auto-confirm, no refund outside the
 * dispute), or a completed one within the claim window. One open dispute per order: a second is refused, and
 * the database's partial unique index settles a race.
 */
export async function openDispute(tx: Tx, actor: Actor, raw: z.input<typeof openDisputeSchema> & { files?: Evidence[] }, clock: Clock = systemClock) {
  assertRole(actor, ["BUYER"]);
  const input = openDisputeSchema.parse(raw);
  await checkEvidence(raw.files ?? []);
  const order = await getOrderForBuyerOrThrow(tx, actor, input.orderId);
  const now = clock.now();
  const existing = await tx.dispute.findFirst({ where: { orderId: order.id, status: { in: ["OPEN", "AWAITING_BUYER", "ESCALATED"] } } });
  if (existing) throw new DomainError("invalid_transition", { messageKey: "errors.dispute_exists" });

  let afterCompletion = false;
  let frozenRemainingMs: bigint | null = null;
  const maxClaim = order.totalFen - order.refundedFen;
  if (order.status === "COMPLETED") {
    const windowDays = await getSetting("dispute.claimWindowDays");
    if (!order.completedAt || order.completedAt.getTime() + windowDays * DAY < now.getTime()) {
      throw new DomainError("invalid_transition", { messageKey: "errors.claim_window_passed" });
    }
    afterCompletion = true;
  } else {
    // The guarded update freezes the order; a confirm at the same moment finds it no longer SHIPPED, or wins first.
    const [frozen] = await tx.$queryRaw<{ auto_confirm_at: Date | null }[]>`
      UPDATE orders o SET status = 'DISPUTED', auto_confirm_at = NULL, updated_at = ${now}
        FROM (SELECT id, auto_confirm_at FROM orders WHERE id = ${order.id} FOR UPDATE) old
       WHERE o.id = old.id AND o.status IN ('PAID', 'SHIPPED')
      RETURNING old.auto_confirm_at`;
    if (!frozen) throw new DomainError("invalid_transition", { messageKey: "errors.order_changed" });
    if (frozen.auto_confirm_at) frozenRemainingMs = BigInt(Math.max(0, frozen.auto_confirm_at.getTime() - now.getTime()));
  }
  if (input.claimedFen > maxClaim) throw new DomainError("invalid_amount", { messageKey: "errors.claim_too_much" });

  const dispute = await tx.dispute
    .create({
      data: {
        orderId: order.id,
        buyerId: actor.userId,
        merchantId: order.merchantId,
        reason: input.reason,
        description: input.description,
        claimedFen: input.claimedFen,
        afterCompletion,
        orderStatusBefore: order.status,
        frozenRemainingMs,
        merchantDeadline: new Date(now.getTime() + (await getSetting("dispute.merchantResponseDays")) * DAY),
        createdAt: now,
      },
    })
    .catch((error: { code?: string }) => {
      if (error?.code === "P2002") throw new DomainError("invalid_transition", { messageKey: "errors.dispute_exists" });
      throw error;
    });
  await addToThread(tx, { disputeId: dispute.id, authorId: actor.userId, authorRole: "BUYER", kind: "OPENED", body: input.description, amountFen: input.claimedFen, files: raw.files });
  await addOrderEvent(tx, order.id, "disputed", actor.userId, { amount: input.claimedFen.toString() });
  const merchant = await tx.merchant.findUniqueOrThrow({ where: { id: order.merchantId }, select: { userId: true } });
  await notify(tx, merchant.userId, "dispute.opened", { orderNo: order.orderNo });
  await refreshDisputeStats(tx, order.merchantId, now);
  return dispute;
}
