import type { Tx } from "@/lib/db/transaction";
import type { Dispute } from "@/lib/generated/prisma/client";
import type { DisputeStatus } from "@/lib/generated/prisma/enums";
import { DomainError } from "@/lib/errors/domain-error";
import { addOrderEvent } from "@/lib/escrow/events";
import { releaseShippedOrder } from "@/lib/escrow/release";
import { payBuyerClaim, payBuyerFromEscrow } from "@/lib/escrow/buyer-payout";
import type { Fen } from "@/lib/money/fen";
import { notify } from "@/lib/notifications/notify";
import { disputeStates } from "./states";

type Outcome = { status: Extract<DisputeStatus, "RESOLVED_BUYER" | "RESOLVED_MERCHANT" | "RESOLVED_SPLIT" | "WITHDRAWN">; refundFen: Fen; actorId: string | null };

/**
 * Ends a dispute and moves its money in the same transaction.
 * Before completion: the refund comes out of escrow; then, if the order had shipped and the dispute was
 * decided (not withdrawn), what escrow still holds is released to the merchant; otherwise the order goes back
 * to where it was, its auto-confirm clock resumed with the time it had left. After completion: the refund is
 * taken from the merchant's wallet; what the wallet cannot cover becomes a receivable recovered from the
 * merchant's next releases. Buyer + merchant + fee always add up to what was paid.
 */
export async function settleDispute(tx: Tx, dispute: Dispute, outcome: Outcome, now: Date, extra: { decisionReason?: string; decisionNote?: string; arbitrated?: boolean } = {}) {
  disputeStates.assert(dispute.status, outcome.status);
  if (outcome.refundFen < 0n || outcome.refundFen > dispute.claimedFen) throw new DomainError("invalid_amount", { messageKey: "errors.dispute_amount" });
  const updated = await tx.dispute.updateMany({
    where: { id: dispute.id, status: dispute.status },
    data: { status: outcome.status, refundedFen: outcome.refundFen, resolvedAt: now, decidedById: outcome.actorId, merchantDeadline: null, buyerDeadline: null, offerFen: null, ...extra },
  });
  if (updated.count !== 1) throw new DomainError("invalid_transition", { messageKey: "errors.dispute_changed" });
  // Read what is checked under the order's lock: what escrow holds decides the order's next state.
  const [order] = await tx.$queryRaw<{ id: string; order_no: string; total_fen: bigint; refunded_fen: bigint; merchant_user_id: string }[]>`
    SELECT o.id, o.order_no, o.total_fen, o.refunded_fen, m.user_id AS merchant_user_id
      FROM orders o JOIN merchants m ON m.id = o.merchant_id WHERE o.id = ${dispute.orderId} FOR UPDATE OF o`;

  if (dispute.afterCompletion) {
    if (outcome.refundFen > 0n) {
      const paid = await payBuyerClaim(tx, { orderId: order.id, amountFen: outcome.refundFen, actorId: outcome.actorId, now, reference: `dispute:${dispute.id}` });
      if (!paid) throw new DomainError("invalid_amount", { messageKey: "errors.claim_too_much" });
      await addOrderEvent(tx, order.id, "claim_paid", outcome.actorId, { amount: outcome.refundFen.toString(), disputeId: dispute.id });
    }
  } else {
    let refunded = order.refunded_fen;
    if (outcome.refundFen > 0n) {
      const paid = await payBuyerFromEscrow(tx, { orderId: order.id, amountFen: outcome.refundFen, actorId: outcome.actorId, now, kind: "DISPUTE_REFUND", whileIn: ["DISPUTED"], reference: `dispute:${dispute.id}` });
      if (!paid) throw new DomainError("invalid_amount", { messageKey: "errors.claim_too_much" });
      refunded = paid.refundedFen;
      await addOrderEvent(tx, order.id, "dispute_refunded", outcome.actorId, { amount: outcome.refundFen.toString(), disputeId: dispute.id });
    }
    const stillHeld = order.total_fen - refunded;
    const resume = dispute.orderStatusBefore === "SHIPPED" ? "SHIPPED" : "PAID";
    if (stillHeld === 0n) {
      await tx.order.update({ where: { id: order.id }, data: { status: "REFUNDED", closedAt: now, autoConfirmAt: null } });
    } else {
      const autoConfirmAt = resume === "SHIPPED" ? new Date(now.getTime() + Number(dispute.frozenRemainingMs ?? 0n)) : null;
      await tx.order.update({ where: { id: order.id }, data: { status: resume, autoConfirmAt } });
      if (resume === "SHIPPED" && outcome.status !== "WITHDRAWN") await releaseShippedOrder(tx, order.id, outcome.actorId, now, "dispute_released");
    }
  }
  // Each ending's message written out, not `dispute.${status}`: the placeholder check (lib/i18n/placeholders.test.ts)
  // then knows which messages these can be (the reminders under dispute.* need a deadline these never pass).
  for (const userId of [dispute.buyerId, order.merchant_user_id]) {
    await notify(
      tx,
      userId,
      ({ RESOLVED_BUYER: "dispute.RESOLVED_BUYER", RESOLVED_MERCHANT: "dispute.RESOLVED_MERCHANT", RESOLVED_SPLIT: "dispute.RESOLVED_SPLIT", WITHDRAWN: "dispute.WITHDRAWN" } as const)[outcome.status],
      { orderNo: order.order_no, disputeId: dispute.id },
    );
  }
}
