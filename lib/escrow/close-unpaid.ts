import { assertRole, type Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { type Clock, systemClock } from "@/lib/time/clock";
import { getOrderForMerchantOrThrow } from "./lookup";

/**
 * The merchant closes an order nobody has paid yet (CREATED → CANCELLED): its payment link stops working. No
 * money has moved, so nothing moves now. One guarded statement changes the order (only the merchant's own,
 * only while still CREATED) and writes the timeline entry, so of a close racing a payment exactly one wins:
 * the buyer's escrow_pay refuses a closed order, and a paid order is not closed.
 *
 * Closing an order that is already closed (a double click, or it expired meanwhile) changes nothing and is not
 * an error: what the merchant wanted is true.
 */
export async function closeUnpaidOrder(db: Db, actor: Actor, orderId: string, clock: Clock = systemClock) {
  assertRole(actor, ["MERCHANT"]);
  const now = clock.now();
  const [closed] = await db.$queryRaw<{ id: string }[]>`
    WITH c AS (
      UPDATE orders o SET status = 'CANCELLED', closed_at = ${now}, updated_at = ${now}
        FROM merchants m
       WHERE o.id = ${orderId} AND o.status = 'CREATED' AND m.id = o.merchant_id AND m.user_id = ${actor.userId}
      RETURNING o.id
    ), e AS (
      INSERT INTO order_events (order_id, type, actor_id, data, created_at)
      SELECT id, 'closed_by_merchant', ${actor.userId}, '{}'::jsonb, ${now} FROM c
    )
    SELECT id FROM c`;
  if (closed) return { orderId, changed: true };
  const order = await getOrderForMerchantOrThrow(db, actor, orderId);
  if (order.status === "CANCELLED" && order.buyerId === null) return { orderId, changed: false };
  throw new DomainError("invalid_transition", { messageKey: "errors.cannot_close_paid" });
}
