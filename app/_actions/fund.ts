"use server";

import { revalidatePath } from "next/cache";
import { protectedAction } from "@/lib/actions/client";
import { prisma } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";
import { redeemFromFund } from "@/lib/fund/redeem";
import { autoSweepFormSchema, fundMoveSchema } from "@/lib/fund/schemas";
import { subscribeToFund } from "@/lib/fund/subscribe";
import { setAutoSweep } from "@/lib/fund/sweep";

export const subscribeAction = protectedAction("fund.hold", fundMoveSchema, async (input, { user }) => {
  const { result, replayed } = await inTransaction(prisma, (tx) => subscribeToFund(tx, user, { amountFen: input.amount, idempotencyKey: input.idempotencyKey }));
  revalidatePath("/", "layout");
  return { ...result, replayed };
});

export const redeemAction = protectedAction("fund.hold", fundMoveSchema, async (input, { user }) => {
  const { result, replayed } = await inTransaction(prisma, (tx) => redeemFromFund(tx, user, { amountFen: input.amount, idempotencyKey: input.idempotencyKey }));
  revalidatePath("/", "layout");
  // A replayed answer comes back from JSON, its time as a string: one shape either way.
  return { instantFen: result.instantFen, pendingFen: result.pendingFen, arrivesAt: result.arrivesAt ? new Date(result.arrivesAt).toISOString() : null, replayed };
});

export const setAutoSweepAction = protectedAction("fund.hold", autoSweepFormSchema, async (input, { user }) => {
  const result = await inTransaction(prisma, (tx) => setAutoSweep(tx, user, { enabled: input.enabled, floorFen: input.floor }));
  revalidatePath("/", "layout");
  return result;
});
