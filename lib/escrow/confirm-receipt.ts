import { assertRole, type Actor } from "@/lib/auth/actor";
import { inTransaction, type Tx } from "@/lib/db/transaction";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DomainError } from "@/lib/errors/domain-error";
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

/** The auto-confirm job: every shipped order past its deadline is confirmed. Safe to run twice or at once. */
export async function autoConfirmDue(db: PrismaClient, clock: Clock = systemClock, limit = 200) {
  const now = clock.now();
  const due = await db.order.findMany({ where: { status: "SHIPPED", autoConfirmAt: { lte: now } }, select: { id: true }, orderBy: { autoConfirmAt: "asc" }, take: limit });
  let released = 0;
  for (const { id } of due) {
    const result = await inTransaction(db, (tx) => releaseShippedOrder(tx, id, null, now, "auto_confirmed"));
    if (result) released++;
  }
  return { due: due.length, released };
}
