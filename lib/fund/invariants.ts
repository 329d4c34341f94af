import type { Invariant } from "@/lib/ledger/verify";

/** The fund's rules on top of double entry (docs/fund.md), checked by `npm run ledger:verify`. */
export const FUND_INVARIANTS: Invariant[] = [
  {
    rule: "fund_income_accounted",
    describe: "all the fund's income so far = the yield credited × 10^10 + the remainders carried now (units of 1e-10 fen), and the income account paid exactly the credited yield",
    find: async (tx) => {
      const [r] = await tx.$queryRaw<{ income: string; credited: bigint; carried: string; paid: bigint }[]>`
        SELECT (SELECT COALESCE(sum(income_e10::numeric), 0) FROM fund_days)::text AS income,
               (SELECT COALESCE(sum(credited_fen), 0) FROM fund_days)::bigint AS credited,
               (SELECT COALESCE(sum(carry_e10::numeric), 0) FROM fund_holders)::text AS carried,
               (SELECT COALESCE(-sum(balance), 0) FROM ledger_accounts WHERE type = 'FUND_INCOME')::bigint AS paid`;
      const problems: string[] = [];
      if (BigInt(r.income) !== r.credited * 10_000_000_000n + BigInt(r.carried)) {
        problems.push(`income ${r.income}e-10 fen, credited ${r.credited} fen, carried ${r.carried}e-10 fen`);
      }
      if (r.paid !== r.credited) problems.push(`the income account paid ${r.paid} fen, the days credited ${r.credited} fen`);
      return problems;
    },
  },
  {
    rule: "fund_yield_matches_holders",
    describe: "each day's credited yield equals its holders' yields, and each holder's total yield equals the yield posted to its fund",
    find: async (tx) => {
      const days = await tx.$queryRaw<{ day: Date; credited: bigint; holders: bigint }[]>`
        SELECT d.day, d.credited_fen AS credited, COALESCE(y.total, 0)::bigint AS holders
          FROM fund_days d LEFT JOIN (SELECT day, sum(yield_fen) AS total FROM fund_yields GROUP BY day) y ON y.day = d.day
         WHERE d.credited_fen <> COALESCE(y.total, 0)`;
      const holders = await tx.$queryRaw<{ user_id: string; total: bigint; posted: bigint }[]>`
        SELECT h.user_id, h.yield_total_fen AS total, COALESCE(s.posted, 0)::bigint AS posted
          FROM fund_holders h
          LEFT JOIN (SELECT a.user_id, sum(p.amount) AS posted FROM postings p JOIN journals j ON j.id = p.journal_id
                       JOIN ledger_accounts a ON a.id = p.account_id
                      WHERE j.kind = 'FUND_YIELD' AND a.type = 'FUND' GROUP BY a.user_id) s ON s.user_id = h.user_id
         WHERE h.yield_total_fen <> COALESCE(s.posted, 0)`;
      return [
        ...days.map((d) => `day ${d.day.toISOString().slice(0, 10)}: credited ${d.credited} fen, holders' yields ${d.holders} fen`),
        ...holders.map((h) => `holder ${h.user_id}: total yield ${h.total} fen, posted ${h.posted} fen`),
      ];
    },
  },
  {
    rule: "fund_pending_matches_redemptions",
    describe: "each holder's pending account equals its redemptions not yet arrived",
    find: async (tx) =>
      (
        await tx.$queryRaw<{ user_id: string; balance: bigint; pending: bigint }[]>`
          WITH r AS (SELECT user_id, sum(amount_fen) AS pending FROM fund_redemptions WHERE settled_at IS NULL GROUP BY user_id),
               a AS (SELECT user_id, balance FROM ledger_accounts WHERE type = 'FUND_PENDING')
          SELECT COALESCE(a.user_id, r.user_id) AS user_id, COALESCE(a.balance, 0)::bigint AS balance, COALESCE(r.pending, 0)::bigint AS pending
            FROM a FULL JOIN r ON r.user_id = a.user_id
           WHERE COALESCE(a.balance, 0) <> COALESCE(r.pending, 0)`
      ).map((r) => `user ${r.user_id}: pending account ${r.balance} fen, redemptions not yet arrived ${r.pending} fen`),
  },
];
