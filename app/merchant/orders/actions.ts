"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { protectedAction } from "@/lib/actions/client";
import { prisma } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";
import { createOrder } from "@/lib/escrow/create-order";
import { closeUnpaidOrder } from "@/lib/escrow/close-unpaid";
import { AUTO_CONFIRM_ORDER_JOB } from "@/lib/escrow/jobs";
import { refundOrder } from "@/lib/escrow/refund";
import { shipOrder, shipSchema } from "@/lib/escrow/ship";
import { enqueue } from "@/lib/jobs/enqueue";
import { recordId, singleLine } from "@/lib/validation/text";
import { idempotencyKey, yuanAmount } from "@/lib/wallet/schemas";

// Lines arrive as lines.0.name, lines.0.quantity, … for as many rows as the form sent: every row is kept (a
// 51st is refused by the schema with the limit, never dropped); rows left entirely empty are ignored.
const LINE_FIELD = /^lines\.(\d+)\.(name|quantity|unitPrice)$/;
const orderForm = z.record(z.string(), singleLine({ max: 2_000 })).transform((form) => {
  const rows = new Map<number, { name: string; quantity: string; unitPrice: string }>();
  for (const [key, value] of Object.entries(form)) {
    const match = LINE_FIELD.exec(key);
    if (!match) continue;
    const index = Number(match[1]);
    const row = rows.get(index) ?? { name: "", quantity: "", unitPrice: "" };
    row[match[2] as "name" | "quantity" | "unitPrice"] = value;
    rows.set(index, row);
  }
  const kept = [...rows.entries()].sort(([a], [b]) => a - b).filter(([, row]) => row.name || row.unitPrice);
  const lines = kept.map(([, row]) => ({ ...row, quantity: row.quantity || "1" }));
  // The form's row of each kept line: an error on the 2nd kept line belongs to the row the merchant typed it in.
  const formRows = kept.map(([index]) => index);
  return { lines, formRows, shipping: form.shipping ?? "", note: form.note ?? "", buyerContact: form.buyerContact ?? "" };
});

/** A refusal of line k is reported on the form's field of that line ("lines.<row>.unitPrice"). */
function onFormRows(error: unknown, formRows: number[]): never {
  if (error instanceof z.ZodError) {
    for (const issue of error.issues) {
      if (issue.path[0] === "lines" && typeof issue.path[1] === "number" && formRows[issue.path[1]] !== undefined) issue.path[1] = formRows[issue.path[1]];
    }
  }
  throw error;
}

export const createOrderAction = protectedAction("orders.manage", orderForm, async ({ formRows, ...input }, { user }) => {
  const order = await createOrder(prisma, user, input as never).catch((error: unknown) => onFormRows(error, formRows));
  revalidatePath("/merchant", "layout");
  return { orderId: order.id };
});

export const shipOrderAction = protectedAction(
  "orders.manage",
  z.object({ orderId: recordId() }).extend(shipSchema.shape),
  async ({ orderId, ...input }, { user }) => {
    const shipped = await shipOrder(prisma, user, orderId, input as never);
    await enqueue(AUTO_CONFIRM_ORDER_JOB, { orderId }, { startAfter: shipped.autoConfirmAt, singletonKey: orderId });
    revalidatePath("/merchant", "layout");
    return { orderId };
  },
);

export const refundOrderAction = protectedAction(
  "orders.manage",
  z.object({ orderId: recordId(), amount: yuanAmount, idempotencyKey }),
  async ({ orderId, amount, idempotencyKey: key }, { user }) => {
    const { result } = await inTransaction(prisma, (tx) => refundOrder(tx, user, { orderId, amountFen: amount, idempotencyKey: key }));
    revalidatePath("/merchant", "layout");
    return { amountFen: result.amountFen };
  },
);

/** Closes an order nobody has paid: its payment link stops working. No money has moved, so no key is needed. */
export const closeUnpaidOrderAction = protectedAction("orders.manage", z.object({ orderId: recordId() }), async ({ orderId }, { user }) => {
  await closeUnpaidOrder(prisma, user, orderId);
  revalidatePath("/merchant", "layout");
  return { orderId };
});
