"use server";

import { revalidatePath } from "next/cache";
import { protectedAction } from "@/lib/actions/client";
import { topUp } from "@/lib/bank/top-up";
import { withdraw } from "@/lib/bank/withdraw";
import { prisma } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";
import { topUpSchema, withdrawSchema } from "@/lib/wallet/schemas";

export const topUpAction = protectedAction("wallet.top_up", topUpSchema, async (input, { user }) => {
  const result = await inTransaction(prisma, (tx) =>
    topUp(tx, user, { amountFen: input.amount, cardNumber: input.cardNumber, idempotencyKey: input.idempotencyKey }),
  );
  revalidatePath("/", "layout");
  return result;
});

export const withdrawAction = protectedAction("wallet.withdraw", withdrawSchema, async (input, { user }) => {
  const result = await inTransaction(prisma, (tx) =>
    withdraw(tx, user, { amountFen: input.amount, bankAccount: input.bankAccount, idempotencyKey: input.idempotencyKey }),
  );
  revalidatePath("/", "layout");
  return result;
});
