"use server";

import { revalidatePath } from "next/cache";
import { protectedAction } from "@/lib/actions/client";
import { prisma } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";
import { fundRateSchema, setFundRate } from "@/lib/fund/rates";

export const setFundRateAction = protectedAction("fund.rate", fundRateSchema, async (input, { user }) => {
  const result = await inTransaction(prisma, (tx) => setFundRate(tx, user, input));
  revalidatePath("/", "layout");
  return result;
});
