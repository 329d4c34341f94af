import { assertRole, type Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { platformAccount, userAccount } from "@/lib/ledger/accounts";
import { withIdempotency } from "@/lib/ledger/idempotency";
import { postJournal } from "@/lib/ledger/post";
import type { Fen } from "@/lib/money/fen";
import { chargeSandboxCard } from "./sandbox-card";

/** A single top-up is at most 50,000.00 CNY (the sandbox bank's per-transaction card limit). */
export const MAX_TOP_UP_FEN: Fen = 5_000_000n;

export type TopUpInput = { amountFen: Fen; cardNumber: string; idempotencyKey: string };
export type TopUpResult = { journalId: bigint; amountFen: Fen; balanceFen: Fen; cardLast4: string };

/** Money comes in from a (sandbox) bank card: bank clearing → the user's wallet. */
export async function topUp(tx: Tx, actor: Actor, input: TopUpInput): Promise<TopUpResult & { replayed: boolean }> {
  assertRole(actor, ["BUYER", "MERCHANT"]);
  if (input.amountFen <= 0n || input.amountFen > MAX_TOP_UP_FEN) {
    throw new DomainError("invalid_amount", { messageKey: "validation.amount.max", params: { max: "¥50,000.00" }, fieldErrors: { amount: "validation.amount.max" } });
  }
  const { result, replayed } = await withIdempotency(
    tx,
    { scope: `${actor.userId}:wallet.top-up`, key: input.idempotencyKey, request: { amount: input.amountFen, card: input.cardNumber.replace(/\D/g, "") } },
    async (): Promise<TopUpResult> => {
      const { last4 } = chargeSandboxCard(input.cardNumber);
      const wallet = await userAccount(tx, actor.userId);
      const bank = await platformAccount(tx, "BANK_CLEARING");
      const posted = await postJournal(tx, {
        kind: "TOPUP",
        reference: `card:****${last4}`,
        createdById: actor.userId,
        lines: [
          { accountId: bank.id, amount: -input.amountFen },
          { accountId: wallet.id, amount: input.amountFen },
        ],
      });
      const balance = posted.postings.find((p) => p.accountId === wallet.id)!.balanceAfter;
      return { journalId: posted.journalId, amountFen: input.amountFen, balanceFen: balance, cardLast4: last4 };
    },
  );
  return { ...result, replayed };
}
