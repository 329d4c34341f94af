"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { protectedAction } from "@/lib/actions/client";
import { prisma } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";
import { createOrder } from "@/lib/escrow/create-order";
import { AUTO_CONFIRM_ORDER_JOB } from "@/lib/escrow/jobs";
import { refundOrder } from "@/lib/escrow/refund";
import { shipOrder } from "@/lib/escrow/ship";
import { enqueue } from "@/lib/jobs/enqueue";
import { idempotencyKey, yuanAmount } from "@/lib/wallet/schemas";

// Lines arrive as lines.0.name, lines.0.quantity, …; rows left entirely empty are ignored.
const orderForm = z.record(z.string(), z.string()).transform((form) => {
  const lines: { name: string; quantity: string; unitPrice: string }[] = [];
  for (let i = 0; i < 50; i++) {
    const name = form[`lines.${i}.name`] ?? "";
    const quantity = form[`lines.${i}.quantity`] ?? "";
    const unitPrice = form[`lines.${i}.unitPrice`] ?? "";
    if (name || unitPrice) lines.push({ name, quantity: quantity || "1", unitPrice });
  }
  return { lines, shipping: form.shipping ?? "", note: form.note ?? "", buyerContact: form.buyerContact ?? "" };
});

export const createOrderAction = protectedAction("orders.manage", orderForm, async (input, { user }) => {
  const order = await createOrder(prisma, user, input as never);
  revalidatePath("/merchant", "layout");
  return { orderId: order.id };
});

export const shipOrderAction = protectedAction(
  "orders.manage",
  z.object({ orderId: z.string().min(1), carrier: z.string(), trackingNo: z.string() }),
  async ({ orderId, ...input }, { user }) => {
    const shipped = await shipOrder(prisma, user, orderId, input as never);
    await enqueue(AUTO_CONFIRM_ORDER_JOB, { orderId }, { startAfter: shipped.autoConfirmAt, singletonKey: orderId });
    revalidatePath("/merchant", "layout");
    return { orderId };
  },
);

export const refundOrderAction = protectedAction(
  "orders.manage",
  z.object({ orderId: z.string().min(1), amount: yuanAmount, idempotencyKey }),
  async ({ orderId, amount, idempotencyKey: key }, { user }) => {
    const { result } = await inTransaction(prisma, (tx) => refundOrder(tx, user, { orderId, amountFen: amount, idempotencyKey: key }));
    revalidatePath("/merchant", "layout");
    return { amountFen: result.amountFen };
  },
);
