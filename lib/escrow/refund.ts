import { assertRole, type Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { accountIds, escrowSpec, walletSpec } from "@/lib/ledger/accounts";
import { withIdempotency } from "@/lib/ledger/idempotency";
import { postJournal } from "@/lib/ledger/post";
import type { Fen } from "@/lib/money/fen";
import { type Clock, systemClock } from "@/lib/time/clock";
import { addOrderEvent } from "./events";
import { getOrderForBuyerOrThrow, getOrderForMerchantOrThrow } from "./lookup";

/**
 * Returns `amount` of what escrow holds to the buyer. The guarded update refuses more than is held and any
 * order that is no longer PAID or SHIPPED, so a refund racing a confirm: exactly one of them wins for the
 * money that is there. When everything is refunded the order ends in `final` (REFUNDED, or CANCELLED when the
 * buyer cancelled before shipping).
 */
async function refundHeld(tx: Tx, orderId: string, amount: Fen, actorId: string, now: Date, final: "REFUNDED" | "CANCELLED") {
  const [order] = await tx.$queryRaw<{ id: string; buyer_id: string; total_fen: bigint; refunded_fen: bigint }[]>`
    UPDATE orders
       SET refunded_fen = refunded_fen + ${amount},
           status = CASE WHEN refunded_fen + ${amount} = total_fen THEN ${final}::"OrderStatus" ELSE status END,
           closed_at = CASE WHEN refunded_fen + ${amount} = total_fen THEN ${now}::timestamptz ELSE closed_at END,
           auto_confirm_at = CASE WHEN refunded_fen + ${amount} = total_fen THEN NULL ELSE auto_confirm_at END,
           updated_at = ${now}
     WHERE id = ${orderId} AND status IN ('PAID', 'SHIPPED') AND refunded_fen + ${amount} <= total_fen
    RETURNING id, buyer_id, total_fen, refunded_fen`;
  if (!order) return null;
  const escrow = escrowSpec(order.id);
  const wallet = walletSpec(order.buyer_id);
  const ids = await accountIds(tx, [escrow, wallet]);
  await postJournal(tx, {
    kind: "ESCROW_REFUND",
    reference: `order:${order.id}`,
    createdById: actorId,
    lines: [
      { accountId: ids.get(escrow.code)!, amount: -amount },
      { accountId: ids.get(wallet.code)!, amount },
    ],
  });
  const closed = order.refunded_fen === order.total_fen;
  await addOrderEvent(tx, order.id, final === "CANCELLED" && closed ? "cancelled" : "refunded", actorId, {
    amount: amount.toString(),
    refundedTotal: order.refunded_fen.toString(),
  });
  return { orderId: order.id, amountFen: amount, refundedFen: order.refunded_fen, closed };
}

/** The merchant refunds in full or in part before completion; the fee is later taken only on what is released. */
export async function refundOrder(tx: Tx, actor: Actor, input: { orderId: string; amountFen: Fen; idempotencyKey: string }, clock: Clock = systemClock) {
  assertRole(actor, ["MERCHANT"]);
  if (input.amountFen <= 0n) throw new DomainError("invalid_amount", { messageKey: "validation.amount.positive" });
  return withIdempotency(tx, { scope: `${actor.userId}:order.refund`, key: input.idempotencyKey, request: { orderId: input.orderId, amount: input.amountFen } }, async () => {
    const order = await getOrderForMerchantOrThrow(tx, actor, input.orderId);
    if (order.status !== "PAID" && order.status !== "SHIPPED") throw new DomainError("invalid_transition", { messageKey: "errors.order_changed" });
    if (input.amountFen > order.totalFen - order.refundedFen) throw new DomainError("invalid_amount", { messageKey: "errors.refund_too_much" });
    const result = await refundHeld(tx, order.id, input.amountFen, actor.userId, clock.now(), "REFUNDED");
    if (!result) throw new DomainError("invalid_transition", { messageKey: "errors.order_changed" });
    return result;
  });
}

/**
 * The buyer cancels: an unpaid order simply closes; a paid one not yet shipped is refunded in full.
 * (Before the ship-by deadline too: the buyer has not received anything.)
 */
export async function cancelOrder(tx: Tx, actor: Actor, input: { orderId: string; idempotencyKey: string }, clock: Clock = systemClock) {
  assertRole(actor, ["BUYER"]);
  return withIdempotency(tx, { scope: `${actor.userId}:order.cancel`, key: input.idempotencyKey, request: { orderId: input.orderId } }, async () => {
    const order = await getOrderForBuyerOrThrow(tx, actor, input.orderId);
    if (order.status !== "PAID") throw new DomainError("invalid_transition", { messageKey: "errors.cannot_cancel" });
    const result = await refundHeld(tx, order.id, order.totalFen - order.refundedFen, actor.userId, clock.now(), "CANCELLED");
    if (!result || !result.closed) throw new DomainError("invalid_transition", { messageKey: "errors.order_changed" });
    return result;
  });
}

/** Unpaid orders past their expiry close (no money has moved). Safe to run twice. */
export async function expireUnpaidOrders(tx: Tx, clock: Clock = systemClock) {
  const now = clock.now();
  const expired = await tx.$queryRaw<{ id: string }[]>`
    UPDATE orders SET status = 'CANCELLED', closed_at = ${now}, updated_at = ${now}
     WHERE status = 'CREATED' AND expires_at <= ${now}
    RETURNING id`;
  for (const { id } of expired) await addOrderEvent(tx, id, "expired", null);
  return { expired: expired.length };
}
