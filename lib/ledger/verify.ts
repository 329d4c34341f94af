import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/transaction";
import { CREDIT_INVARIANTS } from "@/lib/credit/invariants";
import { FUND_INVARIANTS } from "@/lib/fund/invariants";
import { BUSINESS_INVARIANTS } from "./business-invariants";

export type Violation = { rule: string; detail: string };

/** One named rule: a query that returns one row per violation, and how to describe such a row. */
export type Invariant = { rule: string; describe: string; find: (tx: Tx) => Promise<string[]> };

/**
 * Double entry: every journal sums to zero and has postings, every balance equals the sum of its postings
 * and the last running balance, no account that may not go negative is negative, all accounts sum to zero.
 */
const DOUBLE_ENTRY: Invariant[] = [
  {
    rule: "journal_balanced",
    describe: "every journal has at least two postings and they sum to zero",
    find: async (tx) =>
      (
        await tx.$queryRaw<{ id: bigint; total: bigint; n: bigint }[]>`
          SELECT j.id, COALESCE(SUM(p.amount), 0)::bigint AS total, COUNT(p.id) AS n
            FROM journals j LEFT JOIN postings p ON p.journal_id = j.id
           GROUP BY j.id HAVING COALESCE(SUM(p.amount), 0) <> 0 OR COUNT(p.id) < 2`
      ).map((r) => `journal ${r.id}: ${r.n} postings summing to ${r.total} fen`),
  },
  {
    rule: "balance_matches_postings",
    describe: "every balance equals the sum of its postings and its last running balance",
    find: async (tx) =>
      (
        await tx.$queryRaw<{ code: string; balance: bigint; total: bigint; last: bigint | null }[]>`
          SELECT a.code, a.balance, COALESCE(s.total, 0)::bigint AS total, l.balance_after AS last
            FROM ledger_accounts a
            LEFT JOIN (SELECT account_id, SUM(amount) AS total FROM postings GROUP BY account_id) s ON s.account_id = a.id
            LEFT JOIN LATERAL (SELECT balance_after FROM postings p WHERE p.account_id = a.id ORDER BY p.id DESC LIMIT 1) l ON true
           WHERE a.balance <> COALESCE(s.total, 0) OR (l.balance_after IS NOT NULL AND l.balance_after <> a.balance)`
      ).map((r) => `account ${r.code}: balance ${r.balance}, postings sum ${r.total}, last running balance ${r.last ?? "none"}`),
  },
  {
    rule: "no_forbidden_negative",
    describe: "no account that may not go negative is negative",
    find: async (tx) =>
      (await tx.$queryRaw<{ code: string; balance: bigint }[]>`SELECT code, balance FROM ledger_accounts WHERE NOT allow_negative AND balance < 0`).map(
        (r) => `account ${r.code}: balance ${r.balance}`,
      ),
  },
  {
    rule: "hash_chain_intact",
    describe: "each account's postings form an unbroken hash chain, and the account's head is its last posting's hash",
    find: async (tx) => {
      // The chain recomputed from each account's first posting: the first posting whose stored hash differs is
      // where the chain was broken (an edited posting, or one written outside ledger_post).
      const links = await tx.$queryRaw<{ code: string; id: bigint }[]>`
        SELECT DISTINCT ON (c.account_id) a.code, c.id
          FROM (SELECT id, account_id, hash,
                       ledger_chain(journal_id, account_id, amount, balance_after) OVER (PARTITION BY account_id ORDER BY id) AS expected
                  FROM postings) c
          JOIN ledger_accounts a ON a.id = c.account_id
         WHERE c.hash IS DISTINCT FROM c.expected
         ORDER BY c.account_id, c.id`;
      const heads = await tx.$queryRaw<{ code: string }[]>`
        SELECT a.code FROM ledger_accounts a
          LEFT JOIN LATERAL (SELECT hash FROM postings p WHERE p.account_id = a.id ORDER BY p.id DESC LIMIT 1) l ON true
         WHERE a.last_hash IS DISTINCT FROM l.hash`;
      return [
        ...links.map((r) => `account ${r.code}: the chain breaks at posting ${r.id}`),
        ...heads.map((r) => `account ${r.code}: its head is not its last posting's hash`),
      ];
    },
  },
  {
    rule: "accounts_sum_to_zero",
    describe: "all balances together sum to zero",
    find: async (tx) => {
      const [{ total }] = await tx.$queryRaw<{ total: bigint }[]>`SELECT COALESCE(SUM(balance), 0)::bigint AS total FROM ledger_accounts`;
      return BigInt(total) === 0n ? [] : [`all balances sum to ${total} fen`];
    },
  },
];

export const INVARIANTS: Invariant[] = [...DOUBLE_ENTRY, ...BUSINESS_INVARIANTS, ...FUND_INVARIANTS, ...CREDIT_INVARIANTS];

/**
 * Checks the whole ledger against every invariant, double entry and business rules alike. All checks read one
 * consistent snapshot (REPEATABLE READ, read only), so it gives a true answer while the portal is running and
 * money is moving. Set-based SQL, so it stays fast on large ledgers.
 */
export async function verifyLedger(db: PrismaClient): Promise<Violation[]> {
  return db.$transaction(
    async (tx) => {
      const violations: Violation[] = [];
      for (const invariant of INVARIANTS) {
        for (const detail of await invariant.find(tx)) violations.push({ rule: invariant.rule, detail });
      }
      return violations;
    },
    { isolationLevel: "RepeatableRead", timeout: 600_000, maxWait: 30_000 },
  );
}
