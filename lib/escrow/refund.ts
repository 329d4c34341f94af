import { assertRole, type Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/transaction";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { afterKey, sweepDue } from "@/lib/jobs/batch";
import { DomainError } from "@/lib/errors/domain-error";
import { withIdempotency } from "@/lib/ledger/idempotency";
import type { Fen } from "@/lib/money/fen";
import { type Clock, systemClock } from "@/lib/time/clock";
import { payBuyerFromEscrow } from "./buyer-payout";
import { addOrderEvent } from "./events";
import { getOrderForBuyerOrThrow, getOrderForMerchantOrThrow } from "./lookup";

/**
 * Returns `amount` of what escrow holds to the buyer (lib/escrow/buyer-payout.ts). The guarded update refuses
 * more than is held and any order that is no longer PAID or SHIPPED, so of a refund racing a confirm exactly one
 * wins for the money that is there. When everything is refunded the order ends in `final` (REFUNDED, or
 * CANCELLED when the buyer cancelled before shipping).
 */
async function refundHeld(tx: Tx, orderId: string, amount: Fen, actorId: string, now: Date, final: "REFUNDED" | "CANCELLED") {
  const paid = await payBuyerFromEscrow(tx, { orderId, amountFen: amount, actorId, now, kind: "ESCROW_REFUND", whileIn: ["PAID", "SHIPPED"], closeAs: final });
  if (!paid) return null;
  await addOrderEvent(tx, orderId, paid.closed && final === "CANCELLED" ? "cancelled" : "refunded", actorId, {
    amount: amount.toString(),
    refundedTotal: paid.refundedFen.toString(),
    ...(paid.closed ? { closed: true } : {}),
  });
  return { orderId, amountFen: amount, refundedFen: paid.refundedFen, closed: paid.closed };
}

/** The merchant refunds in full or in part before completion; the fee is later taken only on what is released. */
export async function refundOrder(tx: Tx, actor: Actor, input: { orderId: string; amountFen: Fen; idempotencyKey: string }, clock: Clock = systemClock) {
  assertRole(actor, ["MERCHANT"]);
  if (input.amountFen <= 0n) throw new DomainError("invalid_amount", { messageKey: "validation.amount.positive", fieldErrors: { amount: "validation.amount.positive" } });
  return withIdempotency(tx, { scope: `${actor.userId}:order.refund`, key: input.idempotencyKey, request: { orderId: input.orderId, amount: input.amountFen } }, async () => {
    const order = await getOrderForMerchantOrThrow(tx, actor, input.orderId);
    if (order.status !== "PAID" && order.status !== "SHIPPED") throw new DomainError("invalid_transition", { messageKey: "errors.order_changed" });
    if (input.amountFen > order.totalFen - order.refundedFen - order.claimedFen) throw new DomainError("invalid_amount", { messageKey: "errors.refund_too_much", fieldErrors: { amount: "errors.refund_too_much" } });
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

/** Unpaid orders past their expiry close (no money has moved), each on its own. Safe to run twice. */
export async function expireUnpaidOrders(db: PrismaClient, clock: Clock = systemClock) {
  const now = clock.now();
  return sweepDue(
    db,
    "escrow.expire-unpaid",
    async (after, limit) => {
      const k = afterKey(after);
      const rows = await db.$queryRaw<{ id: string; due_at: Date }[]>`
        SELECT id, expires_at AS due_at FROM orders
         WHERE status = 'CREATED' AND expires_at <= ${now} AND (expires_at, id) > (${k.at}, ${k.id})
         ORDER BY expires_at, id LIMIT ${limit}`;
      return rows.map((r) => ({ id: r.id, dueAt: r.due_at }));
    },
    async (tx, item) => {
      const [closed] = await tx.$queryRaw<{ id: string }[]>`
        WITH c AS (
          UPDATE orders SET status = 'CANCELLED', closed_at = ${now}, updated_at = ${now}
           WHERE id = ${item.id} AND status = 'CREATED' AND expires_at <= ${now} RETURNING id
        ), e AS (INSERT INTO order_events (order_id, type, data, created_at) SELECT id, 'expired', '{}'::jsonb, ${now} FROM c)
        SELECT id FROM c`;
      return Boolean(closed);
    },
  );
}
