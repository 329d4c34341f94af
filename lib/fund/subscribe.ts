import { assertRole, type Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { accountIds, walletSpec } from "@/lib/ledger/accounts";
import { withIdempotency } from "@/lib/ledger/idempotency";
import { postJournal } from "@/lib/ledger/post";
import { type Fen, MAX_AMOUNT_FEN } from "@/lib/money/fen";
import { lockHolder } from "./holder";

export type FundMoveInput = { amountFen: Fen; idempotencyKey: string };

export function checkAmount(amount: Fen) {
  if (amount <= 0n) throw new DomainError("invalid_amount", { messageKey: "validation.amount.positive", fieldErrors: { amount: "validation.amount.positive" } });
  if (amount > MAX_AMOUNT_FEN) throw new DomainError("invalid_amount", { messageKey: "validation.amount.max", params: { max: "¥1,000,000.00" }, fieldErrors: { amount: "validation.amount.max" } });
}

/**
 * The ledger refuses an overdraft with a bare insufficient_funds; here it names the account that was short and
 * the form field it belongs to ("the wallet holds less", "the fund holds less").
 */
export async function explainShortfall<T>(messageKey: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError && error.code === "insufficient_funds" && !error.fieldErrors) {
      throw new DomainError("insufficient_funds", { messageKey, fieldErrors: { amount: messageKey } });
    }
    throw error;
  }
}

/**
 * Wallet → fund: the units (¥1 each) are the user's at once and earn from the next day (T+1, docs/fund.md).
 * One journal, once per idempotency key.
 */
export async function subscribeToFund(tx: Tx, actor: Actor, input: FundMoveInput) {
  assertRole(actor, ["BUYER", "MERCHANT"]);
  checkAmount(input.amountFen);
  return explainShortfall("errors.fund_wallet_short", () => withIdempotency(tx, { scope: `${actor.userId}:fund.subscribe`, key: input.idempotencyKey, request: { amount: input.amountFen } }, async () => {
    await lockHolder(tx, actor);
    const wallet = walletSpec(actor.userId);
    const fund = walletSpec(actor.userId, "FUND");
    const ids = await accountIds(tx, [wallet, fund]);
    const posted = await postJournal(tx, {
      kind: "FUND_SUBSCRIBE",
      reference: "fund",
      createdById: actor.userId,
      lines: [
        { accountId: ids.get(wallet.code)!, amount: -input.amountFen },
        { accountId: ids.get(fund.code)!, amount: input.amountFen },
      ],
    });
    return { amountFen: input.amountFen, fundBalanceFen: posted.postings[1].balanceAfter };
  }));
}
