import { assertRole, type Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { platformAccount, userAccount } from "@/lib/ledger/accounts";
import { withIdempotency } from "@/lib/ledger/idempotency";
import { postJournal } from "@/lib/ledger/post";
import type { Fen } from "@/lib/money/fen";

export type WithdrawInput = { amountFen: Fen; bankAccount: string; idempotencyKey: string };
export type WithdrawResult = { journalId: bigint; amountFen: Fen; balanceFen: Fen; accountLast4: string };

/**
 * Money goes out to a bank account: the user's wallet → bank clearing. The wallet can never go below zero:
 * the ledger refuses the overdraft inside the database, even when many withdrawals race.
 * Merchants may withdraw only once approved.
 */
export async function withdraw(tx: Tx, actor: Actor, input: WithdrawInput): Promise<WithdrawResult & { replayed: boolean }> {
  assertRole(actor, ["BUYER", "MERCHANT"]);
  if (input.amountFen <= 0n) throw new DomainError("invalid_amount", { messageKey: "validation.amount.positive", fieldErrors: { amount: "validation.amount.positive" } });
  const bankAccount = actor.role === "MERCHANT" ? await merchantSettlementAccount(tx, actor) : input.bankAccount.replace(/[\s-]/g, "");
  if (!/^\d{12,19}$/.test(bankAccount)) {
    throw new DomainError("validation", { messageKey: "validation.bankAccount", fieldErrors: { bankAccount: "validation.bankAccount" } });
  }
  const { result, replayed } = await withIdempotency(
    tx,
    { scope: `${actor.userId}:wallet.withdraw`, key: input.idempotencyKey, request: { amount: input.amountFen, to: bankAccount } },
    async (): Promise<WithdrawResult> => {
      const wallet = await userAccount(tx, actor.userId);
      const bank = await platformAccount(tx, "BANK_CLEARING");
      const posted = await postJournal(tx, {
        kind: "WITHDRAWAL",
        reference: `bank:****${bankAccount.slice(-4)}`,
        createdById: actor.userId,
        lines: [
          { accountId: wallet.id, amount: -input.amountFen },
          { accountId: bank.id, amount: input.amountFen },
        ],
      });
      const balance = posted.postings.find((p) => p.accountId === wallet.id)!.balanceAfter;
      return { journalId: posted.journalId, amountFen: input.amountFen, balanceFen: balance, accountLast4: bankAccount.slice(-4) };
    },
  );
  return { ...result, replayed };
}

/**
 * Merchants withdraw only to the settlement account reviewed at onboarding, never to one typed in the form,
 * and only while approved.
 */
async function merchantSettlementAccount(tx: Tx, actor: Actor): Promise<string> {
  const merchant = await tx.merchant.findUnique({ where: { userId: actor.userId }, select: { status: true, application: { select: { accountNumber: true } } } });
  if (merchant?.status === "SUSPENDED") throw new DomainError("merchant_not_approved", { messageKey: "errors.merchant_suspended" });
  if (merchant?.status !== "APPROVED") throw new DomainError("merchant_not_approved");
  const account = merchant.application?.accountNumber;
  if (!account) throw new DomainError("validation", { messageKey: "errors.no_settlement_account" });
  return account;
}
