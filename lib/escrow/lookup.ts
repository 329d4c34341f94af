import { assertRole, type Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/transaction";
import { DomainError } from "@/lib/errors/domain-error";


/** The merchant's own order, or not_found: another merchant's order looks exactly like a missing one. */
export async function getOrderForMerchantOrThrow(db: Db, actor: Actor, orderId: string) {
  assertRole(actor, ["MERCHANT"]);
  const order = await db.order.findFirst({ where: { id: orderId, merchant: { userId: actor.userId } } });
  if (!order) throw new DomainError("not_found");
  return order;
}

/** The buyer's own (paid) order, or not_found. */
export async function getOrderForBuyerOrThrow(db: Db, actor: Actor, orderId: string) {
  assertRole(actor, ["BUYER"]);
  const order = await db.order.findFirst({ where: { id: orderId, buyerId: actor.userId } });
  if (!order) throw new DomainError("not_found");
  return order;
}

/** What a payment link shows: the order if it is still unpaid, or already the viewer's own. */
export async function getOrderByPayToken(db: Db, actor: Actor, token: string) {
  assertRole(actor, ["BUYER"]);
  const order = await db.order.findUnique({
    where: { payToken: token },
    include: { lines: true, merchant: { select: { displayName: true } } },
  });
  if (!order || (order.buyerId !== null && order.buyerId !== actor.userId)) throw new DomainError("not_found");
  return order;
}

/** For order pages: the order with its lines, after the scoped lookup above. */
export async function withLines<T extends { id: string }>(db: Db, order: T) {
  return { ...order, lines: await db.orderLine.findMany({ where: { orderId: order.id }, orderBy: { id: "asc" } }) };
}
