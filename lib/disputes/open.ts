import { z } from "zod";
import { assertRole, type Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { addOrderEvent } from "@/lib/escrow/events";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { notify } from "@/lib/notifications/notify";
import { getSetting } from "@/lib/settings/settings";
import { type Clock, DAY, systemClock } from "@/lib/time/clock";
import { multiLine, recordId } from "@/lib/validation/text";
import { isOpen } from "./states";
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
 * dispute), or a completed one within the claim window (once per order). A platform decision is final: an
 * order the platform has arbitrated cannot be disputed again. The order row is locked before anything is
 * read, so the claim is checked against what the order holds at that moment and a refund or a second claim
 * committed meanwhile is seen. One open dispute per order: a second is refused, and the database's partial
 * unique index settles a race.
 */
export async function openDispute(tx: Tx, actor: Actor, raw: z.input<typeof openDisputeSchema> & { files?: Evidence[] }, clock: Clock = systemClock) {
  assertRole(actor, ["BUYER"]);
  const input = openDisputeSchema.parse(raw);
  await checkEvidence(raw.files ?? []);
  const [order] = await tx.$queryRaw<
    { id: string; order_no: string; merchant_id: string; status: OrderStatus; total_fen: bigint; refunded_fen: bigint; claimed_fen: bigint; completed_at: Date | null; auto_confirm_at: Date | null }[]
  >`SELECT id, order_no, merchant_id, status, total_fen, refunded_fen, claimed_fen, completed_at, auto_confirm_at
      FROM orders WHERE id = ${input.orderId} AND buyer_id = ${actor.userId} FOR UPDATE`;
  if (!order) throw new DomainError("not_found");
  const now = clock.now();
  const earlier = await tx.dispute.findMany({ where: { orderId: order.id }, select: { status: true, arbitrated: true, afterCompletion: true } });
  if (earlier.some((d) => isOpen(d.status))) throw new DomainError("invalid_transition", { messageKey: "errors.dispute_exists" });
  if (earlier.some((d) => d.arbitrated)) throw new DomainError("invalid_transition", { messageKey: "errors.dispute_final" });

  let afterCompletion = false;
  let frozenRemainingMs: bigint | null = null;
  const maxClaim = order.total_fen - order.refunded_fen - order.claimed_fen;
  if (order.status === "COMPLETED") {
    const windowDays = await getSetting("dispute.claimWindowDays");
    if (!order.completed_at || order.completed_at.getTime() + windowDays * DAY < now.getTime()) {
      throw new DomainError("invalid_transition", { messageKey: "errors.claim_window_passed" });
    }
    if (earlier.some((d) => d.afterCompletion)) throw new DomainError("invalid_transition", { messageKey: "errors.claim_once" });
    afterCompletion = true;
  } else if (order.status === "PAID" || order.status === "SHIPPED") {
    // The order is locked: this cannot race a confirm, a refund or another dispute.
    await tx.$executeRaw`UPDATE orders SET status = 'DISPUTED', auto_confirm_at = NULL, updated_at = ${now} WHERE id = ${order.id}`;
    if (order.auto_confirm_at) frozenRemainingMs = BigInt(Math.max(0, order.auto_confirm_at.getTime() - now.getTime()));
  } else {
    throw new DomainError("invalid_transition", { messageKey: "errors.cannot_dispute" });
  }
  if (input.claimedFen > maxClaim) throw new DomainError("invalid_amount", { messageKey: "errors.claim_too_much", fieldErrors: { amount: "errors.claim_too_much" } });

  const dispute = await tx.dispute
    .create({
      data: {
        orderId: order.id,
        buyerId: actor.userId,
        merchantId: order.merchant_id,
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
  const merchant = await tx.merchant.findUniqueOrThrow({ where: { id: order.merchant_id }, select: { userId: true } });
  await notify(tx, merchant.userId, "dispute.opened", {
    orderNo: order.order_no,
    disputeId: dispute.id,
    amountFen: input.claimedFen.toString(),
    deadline: dispute.merchantDeadline!.toISOString(),
  });
  return dispute;
}
