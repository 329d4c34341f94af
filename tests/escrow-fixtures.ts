import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { inTransaction } from "@/lib/db/transaction";
import { confirmReceipt } from "@/lib/escrow/confirm-receipt";
import { createOrder } from "@/lib/escrow/create-order";
import { payOrder } from "@/lib/escrow/pay";
import { shipOrder } from "@/lib/escrow/ship";
import type { Clock } from "@/lib/time/clock";
import { prisma } from "./db";

export const key = () => randomUUID();

export async function newOrder(merchant: Actor, priceYuan = "100.00", quantity = 1, shipping = "0", clock?: Clock) {
  return inTransaction(prisma, (tx) => createOrder(tx, merchant, { lines: [{ name: "龙井茶", quantity, unitPrice: priceYuan }], shipping }, clock));
}

export async function paidOrder(merchant: Actor, buyer: Actor, priceYuan = "100.00", clock?: Clock) {
  const order = await newOrder(merchant, priceYuan, 1, "0", clock);
  await inTransaction(prisma, (tx) => payOrder(tx, buyer, { token: order.payToken, idempotencyKey: key() }, clock));
  return order;
}

export async function shippedOrder(merchant: Actor, buyer: Actor, priceYuan = "100.00", clock?: Clock) {
  const order = await paidOrder(merchant, buyer, priceYuan, clock);
  await inTransaction(prisma, (tx) => shipOrder(tx, merchant, order.id, { carrier: "SF", trackingNo: "SF1234567890" }, clock));
  return order;
}

export async function completedOrder(merchant: Actor, buyer: Actor, priceYuan = "100.00", clock?: Clock) {
  const order = await shippedOrder(merchant, buyer, priceYuan, clock);
  await inTransaction(prisma, (tx) => confirmReceipt(tx, buyer, { orderId: order.id, idempotencyKey: key() }, clock));
  return order;
}
