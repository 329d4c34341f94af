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
 * Wallet → fund: the units (¥1 each) are the user's at once and earn from the next day (T+1, docs/fund.md).
 * One journal, once per idempotency key.
 */
export async function subscribeToFund(tx: Tx, actor: Actor, input: FundMoveInput) {
  assertRole(actor, ["BUYER", "MERCHANT"]);
  checkAmount(input.amountFen);
  return withIdempotency(tx, { scope: `${actor.userId}:fund.subscribe`, key: input.idempotencyKey, request: { amount: input.amountFen } }, async () => {
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
  });
}
