"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { protectedAction } from "@/lib/actions/client";
import { prisma } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";
import { confirmReceipt } from "@/lib/escrow/confirm-receipt";
import { extendAutoConfirm } from "@/lib/escrow/extend";
import { PAY_SOURCES, payOrder } from "@/lib/escrow/pay";
import { cancelOrder } from "@/lib/escrow/refund";
import { recordId } from "@/lib/validation/text";
import { idempotencyKey } from "@/lib/wallet/schemas";

const onOrder = z.object({ orderId: recordId(), idempotencyKey });
// Payment links carry a base64url token (lib/escrow/create-order.ts).
const payToken = z.string().regex(/^[A-Za-z0-9_-]{10,100}$/, { error: "errors.not_found" });

// Where the money comes from (lib/escrow/pay.ts); a form without the choice pays from the wallet, as it always did.
const paySource = z.enum(PAY_SOURCES, { error: "validation.paySource" }).default("WALLET");

export const payOrderAction = protectedAction("orders.buy", z.object({ token: payToken, idempotencyKey, source: paySource }), async (input, { user }) => {
  const { result } = await payOrder(prisma, user, input);
  revalidatePath("/", "layout");
  return { orderId: result.orderId };
});

export const confirmReceiptAction = protectedAction("orders.buy", onOrder, async (input, { user }) => {
  await confirmReceipt(prisma, user, input);
  revalidatePath("/buyer", "layout");
  return { orderId: input.orderId };
});

export const extendAction = protectedAction("orders.buy", z.object({ orderId: recordId() }), async ({ orderId }, { user }) => {
  await inTransaction(prisma, (tx) => extendAutoConfirm(tx, user, orderId));
  revalidatePath("/buyer", "layout");
  return { orderId };
});

export const cancelOrderAction = protectedAction("orders.buy", onOrder, async (input, { user }) => {
  await inTransaction(prisma, (tx) => cancelOrder(tx, user, input));
  revalidatePath("/buyer", "layout");
  return { orderId: input.orderId };
});
