import type { Tx } from "@/lib/db/transaction";
import type { Fen } from "@/lib/money/fen";
import { userAccount, userAccountCode } from "./accounts";

/**
 * Locks a merchant's receivable (what it owes after post-completion claims) and returns the debt in fen (0 if
 * none). Every transaction that touches a receivable locks it first, before postJournal locks the rest, so two
 * releases cannot both recover the same debt, and lock order stays the same everywhere.
 */
export async function lockReceivableDebt(tx: Tx, userId: string): Promise<{ accountId: string | null; debt: Fen }> {
  const [row] = await tx.$queryRaw<{ id: string; balance: bigint }[]>`
    SELECT id, balance FROM ledger_accounts WHERE code = ${userAccountCode(userId, "RECEIVABLE")} FOR UPDATE`;
  if (!row) return { accountId: null, debt: 0n };
  return { accountId: row.id, debt: row.balance < 0n ? -row.balance : 0n };
}

export async function receivableAccount(tx: Tx, userId: string) {
  return userAccount(tx, userId, "RECEIVABLE");
}
