"use server";

import { revalidatePath } from "next/cache";
import { protectedAction } from "@/lib/actions/client";
import { acceptApplication } from "@/lib/credit/accept";
import { applyForLoan } from "@/lib/credit/apply";
import { repayLoan } from "@/lib/credit/repay";
import { approveApplication, declineApplication } from "@/lib/credit/review";
import { acceptSchema, applySchema, repaySchema, reviewSchema } from "@/lib/credit/schemas";
import type { CreditTerm } from "@/lib/credit/schedule";
import { prisma } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";

export const applyLoanAction = protectedAction("credit.borrow", applySchema, async (input, { user }) => {
  const ask =
    input.product === "CREDIT"
      ? { product: "CREDIT" as const, amountFen: input.amount, termMonths: input.termMonths as CreditTerm, method: input.method!, idempotencyKey: input.idempotencyKey }
      : { product: "ORDER" as const, amountFen: input.amount, orderId: input.orderId!, idempotencyKey: input.idempotencyKey };
  const { result } = await inTransaction(prisma, (tx) => applyForLoan(tx, user, ask));
  revalidatePath("/merchant/credit", "layout");
  return result;
});

export const acceptLoanAction = protectedAction("credit.borrow", acceptSchema, async (input, { user }) => {
  const { result } = await inTransaction(prisma, (tx) => acceptApplication(tx, user, input));
  revalidatePath("/", "layout");
  return { loanId: result.loanId as string };
});

export const repayLoanAction = protectedAction("credit.borrow", repaySchema, async (input, { user }) => {
  const { result, replayed } = await inTransaction(prisma, (tx) => repayLoan(tx, user, input));
  revalidatePath("/", "layout");
  return { amountFen: BigInt(result.amountFen), principalFen: BigInt(result.principalFen), interestFen: BigInt(result.interestFen), status: result.status, replayed };
});

export const reviewLoanAction = protectedAction("credit.review", reviewSchema, async (input, { user }) => {
  const note = input.note ?? "";
  const outcome = await inTransaction(prisma, (tx) =>
    input.decision === "APPROVE" ? approveApplication(tx, user, { applicationId: input.applicationId, note }) : declineApplication(tx, user, { applicationId: input.applicationId, note }),
  );
  revalidatePath("/admin/credit", "layout");
  return outcome;
});
