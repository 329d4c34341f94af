import type { PrismaClient } from "@/lib/generated/prisma/client";

export type Violation = { rule: string; detail: string };

/**
 * Checks the whole ledger: every journal sums to zero and has postings, every balance equals the sum of its
 * postings and the last running balance, no account that may not go negative is negative, and all accounts
 * together sum to zero. Set-based SQL, so it stays fast on large ledgers.
 */
export async function verifyLedger(db: PrismaClient): Promise<Violation[]> {
  const violations: Violation[] = [];
  const unbalanced = await db.$queryRaw<{ id: bigint; total: bigint; n: bigint }[]>`
    SELECT j.id, COALESCE(SUM(p.amount), 0)::bigint AS total, COUNT(p.id) AS n
      FROM journals j LEFT JOIN postings p ON p.journal_id = j.id
     GROUP BY j.id HAVING COALESCE(SUM(p.amount), 0) <> 0 OR COUNT(p.id) < 2`;
  for (const r of unbalanced) {
    violations.push({ rule: "journal_balanced", detail: `journal ${r.id}: ${r.n} postings summing to ${r.total} fen` });
  }
  const drift = await db.$queryRaw<{ code: string; balance: bigint; total: bigint; last: bigint | null }[]>`
    SELECT a.code, a.balance, COALESCE(s.total, 0)::bigint AS total, l.balance_after AS last
      FROM ledger_accounts a
      LEFT JOIN (SELECT account_id, SUM(amount) AS total FROM postings GROUP BY account_id) s ON s.account_id = a.id
      LEFT JOIN LATERAL (SELECT balance_after FROM postings p WHERE p.account_id = a.id ORDER BY p.id DESC LIMIT 1) l ON true
     WHERE a.balance <> COALESCE(s.total, 0) OR (l.balance_after IS NOT NULL AND l.balance_after <> a.balance)`;
  for (const r of drift) {
    violations.push({
      rule: "balance_matches_postings",
      detail: `account ${r.code}: balance ${r.balance}, postings sum ${r.total}, last running balance ${r.last ?? "none"}`,
    });
  }
  const negative = await db.$queryRaw<{ code: string; balance: bigint }[]>`
    SELECT code, balance FROM ledger_accounts WHERE NOT allow_negative AND balance < 0`;
  for (const r of negative) violations.push({ rule: "no_forbidden_negative", detail: `account ${r.code}: balance ${r.balance}` });
  const [{ total }] = await db.$queryRaw<{ total: bigint }[]>`SELECT COALESCE(SUM(balance), 0)::bigint AS total FROM ledger_accounts`;
  if (BigInt(total) !== 0n) violations.push({ rule: "accounts_sum_to_zero", detail: `all balances sum to ${total} fen` });
  return violations;
}
