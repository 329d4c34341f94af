import type { Db } from "@/lib/db/transaction";
import type { Fen } from "@/lib/money/fen";

/** Days past due in the buckets lenders report: current, 1–30, 31–60, 61–90, over 90. */
export const DPD_BUCKETS = ["CURRENT", "DPD_1_30", "DPD_31_60", "DPD_61_90", "DPD_90_PLUS"] as const;
export type DpdBucket = (typeof DPD_BUCKETS)[number];

export function dpdBucket(dpd: number): DpdBucket {
  if (dpd <= 0) return "CURRENT";
  if (dpd <= 30) return "DPD_1_30";
  if (dpd <= 60) return "DPD_31_60";
  if (dpd <= 90) return "DPD_61_90";
  return "DPD_90_PLUS";
}

export type Portfolio = {
  loans: number;
  activeLoans: number;
  disbursedFen: Fen;
  outstandingFen: Fen;
  principalRepaidFen: Fen;
  interestEarnedFen: Fen;
  interestReceivedFen: Fen;
  buckets: { bucket: DpdBucket; loans: number; outstandingFen: Fen }[];
  nonPerformingFen: Fen;
  /** Non-performing principal over all principal outstanding, in basis points (0 when nothing is outstanding). */
  nplRateBps: number;
};

/**
 * The loan book for the admin console, all from the loan rows (whose principal and interest ledger:verify ties to
 * the ledger): what was lent, what is outstanding and in which DPD bucket, what came back, interest earned
 * (accrued: the interest income account) and received. A loan more than `nplDays` past due is non-performing; the
 * NPL rate is its share of the principal outstanding.
 */
export async function portfolio(db: Db, nplDays: number): Promise<Portfolio> {
  const [t] = await db.$queryRaw<{ loans: number; active: number; disbursed: bigint; outstanding: bigint; repaid: bigint; received: bigint; npl: bigint }[]>`
    SELECT count(*)::int AS loans,
           count(*) FILTER (WHERE status <> 'REPAID')::int AS active,
           COALESCE(sum(principal_fen), 0)::bigint AS disbursed,
           COALESCE(sum(principal_outstanding_fen), 0)::bigint AS outstanding,
           COALESCE(sum(principal_paid_fen), 0)::bigint AS repaid,
           COALESCE(sum(interest_paid_fen + penalty_paid_fen), 0)::bigint AS received,
           COALESCE(sum(principal_outstanding_fen) FILTER (WHERE dpd > ${nplDays}), 0)::bigint AS npl
      FROM loans`;
  const [income] = await db.$queryRaw<{ earned: bigint }[]>`SELECT COALESCE(sum(balance), 0)::bigint AS earned FROM ledger_accounts WHERE type = 'INTEREST_INCOME'`;
  const rows = await db.$queryRaw<{ dpd: number; loans: number; outstanding: bigint }[]>`
    SELECT dpd, count(*)::int AS loans, COALESCE(sum(principal_outstanding_fen), 0)::bigint AS outstanding
      FROM loans WHERE status <> 'REPAID' GROUP BY dpd`;
  const buckets = DPD_BUCKETS.map((bucket) => ({ bucket, loans: 0, outstandingFen: 0n }));
  for (const r of rows) {
    const b = buckets[DPD_BUCKETS.indexOf(dpdBucket(r.dpd))];
    b.loans += r.loans;
    b.outstandingFen += r.outstanding;
  }
  return {
    loans: t.loans,
    activeLoans: t.active,
    disbursedFen: t.disbursed,
    outstandingFen: t.outstanding,
    principalRepaidFen: t.repaid,
    interestEarnedFen: income.earned,
    interestReceivedFen: t.received,
    buckets,
    nonPerformingFen: t.npl,
    nplRateBps: t.outstanding > 0n ? Number((t.npl * 10_000n) / t.outstanding) : 0,
  };
}

export type VintagePoint = { cohort: string; monthsOnBook: number; disbursedFen: Fen; shareBps: number };

/**
 * The vintage curves: loans grouped by the month they were disbursed (Beijing time); for each cohort and each month
 * on book up to now, the share of its disbursed principal on loans that had been 30+ days past due by then
 * (cumulative, so a curve only rises). Cohorts that bend upward early are the ones to look at.
 */
export async function vintages(db: Db, now: Date, months = 12): Promise<VintagePoint[]> {
  const rows = await db.$queryRaw<{ cohort: string; mob: number; disbursed: bigint; bad: bigint }[]>`
    WITH l AS (
      SELECT to_char(date_trunc('month', disbursed_at AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM') AS cohort,
             date_trunc('month', disbursed_at AT TIME ZONE 'Asia/Shanghai') AS start,
             principal_fen, first_dpd30_at
        FROM loans
       WHERE disbursed_at >= ${now}::timestamptz - make_interval(months => ${months})
    ), cohorts AS (
      SELECT cohort, min(start) AS start, sum(principal_fen)::bigint AS disbursed FROM l GROUP BY cohort
    ), mobs AS (
      SELECT c.cohort, c.start, c.disbursed, m AS mob
        FROM cohorts c
        CROSS JOIN LATERAL generate_series(0, (
          (extract(year FROM age(date_trunc('month', ${now}::timestamptz AT TIME ZONE 'Asia/Shanghai'), c.start)) * 12 +
           extract(month FROM age(date_trunc('month', ${now}::timestamptz AT TIME ZONE 'Asia/Shanghai'), c.start)))::int)) m
    )
    SELECT m.cohort, m.mob, m.disbursed,
           COALESCE((SELECT sum(l.principal_fen) FROM l
                      WHERE l.cohort = m.cohort AND l.first_dpd30_at IS NOT NULL
                        AND l.first_dpd30_at AT TIME ZONE 'Asia/Shanghai' < m.start + make_interval(months => m.mob + 1)), 0)::bigint AS bad
      FROM mobs m
     ORDER BY m.cohort, m.mob`;
  return rows.map((r) => ({ cohort: r.cohort, monthsOnBook: r.mob, disbursedFen: r.disbursed, shareBps: r.disbursed > 0n ? Number((r.bad * 10_000n) / r.disbursed) : 0 }));
}
