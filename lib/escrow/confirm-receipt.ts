import { assertRole, type Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/transaction";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DomainError } from "@/lib/errors/domain-error";
import { afterKey, sweepDue } from "@/lib/jobs/batch";
import { withIdempotency } from "@/lib/ledger/idempotency";
import { type Clock, systemClock } from "@/lib/time/clock";
import { getOrderForBuyerOrThrow } from "./lookup";
import { orderStates } from "./states";
import { releaseShippedOrder } from "./release";

/** The buyer confirms receipt: the order completes and the escrow is released to the merchant. */
export async function confirmReceipt(tx: Tx, actor: Actor, input: { orderId: string; idempotencyKey: string }, clock: Clock = systemClock) {
  assertRole(actor, ["BUYER"]);
  return withIdempotency(tx, { scope: `${actor.userId}:order.confirm`, key: input.idempotencyKey, request: { orderId: input.orderId } }, async () => {
    const released = await releaseShippedOrder(tx, input.orderId, actor.userId, clock.now(), "confirmed", actor.userId);
    if (released) return released;
    // Nothing released: say why (not theirs looks like missing; otherwise the state).
    const order = await getOrderForBuyerOrThrow(tx, actor, input.orderId);
    orderStates.assert(order.status, "COMPLETED");
    throw new DomainError("invalid_transition", { messageKey: "errors.order_changed" });
  });
}

/**
 * The auto-confirm sweep: every shipped order past its deadline is confirmed, each in its own transaction, in
 * deadline order (lib/jobs/batch.ts). The release re-checks the deadline under the order's lock, so an order
 * the buyer extended or disputed meanwhile is left alone. Safe to run twice or at once.
 */
export async function autoConfirmDue(db: PrismaClient, clock: Clock = systemClock) {
  const now = clock.now();
  return sweepDue(
    db,
    "escrow.auto-confirm-sweep",
    async (after, limit) => {
      const k = afterKey(after);
      const rows = await db.$queryRaw<{ id: string; due_at: Date }[]>`
        SELECT id, auto_confirm_at AS due_at FROM orders
         WHERE status = 'SHIPPED' AND auto_confirm_at <= ${now} AND (auto_confirm_at, id) > (${k.at}, ${k.id})
         ORDER BY auto_confirm_at, id LIMIT ${limit}`;
      return rows.map((r) => ({ id: r.id, dueAt: r.due_at }));
    },
    async (tx, item) => (await releaseShippedOrder(tx, item.id, null, now, "auto_confirmed", null, now)) !== null,
  );
}
