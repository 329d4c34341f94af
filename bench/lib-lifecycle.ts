import { randomUUID } from "node:crypto";
import type { Actor } from "../lib/auth/actor";
import { prisma } from "../lib/db/client";
import { confirmReceipt } from "../lib/escrow/confirm-receipt";
import { createOrder } from "../lib/escrow/create-order";
import { payOrder } from "../lib/escrow/pay";
import { shipOrder } from "../lib/escrow/ship";

export const LIFECYCLE_STEPS = ["create", "pay", "ship", "confirm"] as const;
export type LifecycleStep = (typeof LIFECYCLE_STEPS)[number];

/**
 * One full escrow lifecycle through the lib/ functions, as the app runs it: four steps, each one statement
 * that is its own transaction (no interactive transaction around them, as in the app's actions). `onStep`
 * gets each step's duration (bench/profile-steps.ts). The prisma client is created on first use, so set
 * DATABASE_URL before calling.
 */
export async function libLifecycle(buyer: Actor, merchant: Actor, onStep?: (step: LifecycleStep, ms: number) => void) {
  let started = performance.now();
  const step = <T>(name: LifecycleStep, result: T) => {
    const now = performance.now();
    onStep?.(name, now - started);
    started = now;
    return result;
  };
  const order = step("create", await createOrder(prisma, merchant, { lines: [{ name: "bench", quantity: 1, unitPrice: "128.00" }] }));
  step("pay", await payOrder(prisma, buyer, { token: order.payToken, idempotencyKey: randomUUID() }));
  step("ship", await shipOrder(prisma, merchant, order.id, { carrier: "SF", trackingNo: "SF00000000" }));
  step("confirm", await confirmReceipt(prisma, buyer, { orderId: order.id, idempotencyKey: randomUUID() }));
}
