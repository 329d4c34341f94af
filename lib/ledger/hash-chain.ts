import { createHash } from "node:crypto";

/**
 * One link of an account's hash chain, as the database's ledger_link computes it (a test checks they agree): the
 * SHA-256, in hex, of the previous posting's hash on the same account ("" for the first), the journal, the
 * account, the amount and the balance right after, joined by "|". Editing any posting breaks its link and every
 * later one; `npm run ledger:verify` and `npm run statement:verify` recompute them.
 */
export function ledgerLink(previous: string | null, journalId: bigint | string, accountId: string, amount: bigint, balanceAfter: bigint): string {
  return createHash("sha256").update(`${previous ?? ""}|${journalId}|${accountId}|${amount}|${balanceAfter}`, "utf8").digest("hex");
}
