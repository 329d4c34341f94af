import type { Actor } from "@/lib/auth/actor";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { MerchantStatus } from "@/lib/generated/prisma/enums";

/**
 * Where the actor's withdrawals go, or why there are none yet, for the wallet page: a buyer types a bank
 * account; an approved merchant withdraws to the settlement account reviewed at onboarding; any other merchant
 * may not withdraw, and is told why instead of being shown a form the server would refuse
 * (lib/bank/withdraw.ts checks the same rules).
 */
export type WithdrawalTarget =
  | { kind: "bankAccount" }
  | { kind: "settlement"; bankCode: string; last4: string }
  | { kind: "blocked"; reason: "onboarding" | "suspended" | "rejected" | "noAccount"; status: MerchantStatus };

export async function withdrawalTarget(db: PrismaClient, actor: Actor): Promise<WithdrawalTarget> {
  if (actor.role !== "MERCHANT") return { kind: "bankAccount" };
  const merchant = await db.merchant.findUnique({
    where: { userId: actor.userId },
    select: { status: true, application: { select: { bankCode: true, accountNumber: true } } },
  });
  const status = merchant?.status ?? "DRAFT";
  if (status === "SUSPENDED") return { kind: "blocked", reason: "suspended", status };
  if (status === "REJECTED") return { kind: "blocked", reason: "rejected", status };
  if (status !== "APPROVED") return { kind: "blocked", reason: "onboarding", status };
  const account = merchant?.application;
  if (!account?.bankCode || !account.accountNumber) return { kind: "blocked", reason: "noAccount", status };
  return { kind: "settlement", bankCode: account.bankCode, last4: account.accountNumber.slice(-4) };
}
