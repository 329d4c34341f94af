import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/transaction";
import { DAY } from "@/lib/time/clock";
import type { CreditInputs } from "./scorecard";

export type MerchantInputs = { merchantId: string; userId: string; inputs: CreditInputs };

type Row = {
  merchant_id: string;
  user_id: string;
  status: string;
  days: number;
  paid90: number;
  paid90_fen: bigint;
  refunded90_fen: bigint;
  net90: bigint;
  net30: bigint;
  disputed: number;
  decided: number;
  lost: number;
  shipped: number;
  shipped_on_time: number;
  completed: number;
  debt: bigint;
  credit_debt: bigint;
  current_dpd: number;
  max_dpd: number;
  on_time: number;
  late: number;
  receivable: bigint;
};

/**
 * The scorecard's inputs for every approved or suspended merchant at once (merchantId null: the nightly offers
 * job), or for one (an application), in one set-based statement over orders, disputes, loans and receivables. The
 * same SQL either way, so a decision and the night's offer read the same definitions. The dispute counts follow
 * lib/disputes/stats.ts exactly (orders paid in the window, any dispute; their decided disputes; those lost).
 */
export async function creditInputs(db: Db, now: Date, merchantId: string | null, maxLimitFen: number): Promise<MerchantInputs[]> {
  const since30 = new Date(now.getTime() - 30 * DAY);
  const since90 = new Date(now.getTime() - 90 * DAY);
  const since365 = new Date(now.getTime() - 365 * DAY);
  const only = (column: string) => (merchantId ? Prisma.sql`AND ${Prisma.raw(column)} = ${merchantId}` : Prisma.empty);
  const rows = await db.$queryRaw<Row[]>`
    WITH m AS (
      SELECT m.id, m.user_id, m.status::text AS status, COALESCE(m.decided_at, m.created_at) AS approved_at
        FROM merchants m WHERE m.status IN ('APPROVED', 'SUSPENDED') ${only("m.id")}
    ), d AS (
      SELECT order_id,
             count(*) FILTER (WHERE status IN ('RESOLVED_BUYER', 'RESOLVED_SPLIT', 'RESOLVED_MERCHANT')) AS decided,
             count(*) FILTER (WHERE status IN ('RESOLVED_BUYER', 'RESOLVED_SPLIT')) AS lost
        FROM disputes WHERE true ${only("merchant_id")} GROUP BY order_id
    ), paid AS (
      SELECT o.merchant_id,
             count(*) AS paid90,
             sum(o.total_fen) AS paid90_fen,
             sum(o.refunded_fen) AS refunded90_fen,
             sum(o.total_fen - o.refunded_fen - o.claimed_fen) AS net90,
             COALESCE(sum(o.total_fen - o.refunded_fen - o.claimed_fen) FILTER (WHERE o.paid_at >= ${since30}), 0) AS net30,
             count(d.order_id) AS disputed,
             COALESCE(sum(d.decided), 0) AS decided,
             COALESCE(sum(d.lost), 0) AS lost,
             count(*) FILTER (WHERE o.shipped_at IS NOT NULL) AS shipped,
             count(*) FILTER (WHERE o.shipped_at IS NOT NULL AND o.shipped_at <= o.ship_by) AS shipped_on_time
        FROM orders o LEFT JOIN d ON d.order_id = o.id
       WHERE o.paid_at >= ${since90} AND o.paid_at <= ${now} ${only("o.merchant_id")}
       GROUP BY o.merchant_id
    ), done AS (
      SELECT merchant_id, count(*) AS completed FROM orders
       WHERE status = 'COMPLETED' AND completed_at <= ${now} ${only("merchant_id")} GROUP BY merchant_id
    ), ln AS (
      SELECT l.merchant_id,
             COALESCE(sum(l.principal_outstanding_fen) FILTER (WHERE l.status <> 'REPAID'), 0) AS debt,
             COALESCE(sum(l.principal_outstanding_fen) FILTER (WHERE l.status <> 'REPAID' AND l.product = 'CREDIT'), 0) AS credit_debt,
             COALESCE(max(l.dpd) FILTER (WHERE l.status <> 'REPAID'), 0) AS current_dpd,
             COALESCE(max(l.max_dpd) FILTER (WHERE l.status <> 'REPAID' OR l.repaid_at >= ${since365}), 0) AS max_dpd
        FROM loans l WHERE l.disbursed_at <= ${now} ${only("l.merchant_id")} GROUP BY l.merchant_id
    ), inst AS (
      SELECT l.merchant_id,
             count(*) FILTER (WHERE i.settled_at IS NOT NULL AND platform_day(i.settled_at) <= credit_due_day(i.due_day, l.called_day)) AS on_time,
             count(*) FILTER (WHERE (i.settled_at IS NOT NULL AND platform_day(i.settled_at) > credit_due_day(i.due_day, l.called_day))
                                 OR (i.settled_at IS NULL AND credit_due_day(i.due_day, l.called_day) < platform_day(${now}::timestamptz))) AS late
        FROM loan_instalments i JOIN loans l ON l.id = i.loan_id WHERE true ${only("l.merchant_id")} GROUP BY l.merchant_id
    )
    SELECT m.id AS merchant_id, m.user_id, m.status,
           floor(extract(epoch FROM (${now}::timestamptz - m.approved_at)) / 86400)::int AS days,
           COALESCE(paid.paid90, 0)::int AS paid90, COALESCE(paid.paid90_fen, 0)::bigint AS paid90_fen,
           COALESCE(paid.refunded90_fen, 0)::bigint AS refunded90_fen, COALESCE(paid.net90, 0)::bigint AS net90,
           COALESCE(paid.net30, 0)::bigint AS net30, COALESCE(paid.disputed, 0)::int AS disputed,
           COALESCE(paid.decided, 0)::int AS decided, COALESCE(paid.lost, 0)::int AS lost,
           COALESCE(paid.shipped, 0)::int AS shipped, COALESCE(paid.shipped_on_time, 0)::int AS shipped_on_time,
           COALESCE(done.completed, 0)::int AS completed,
           COALESCE(ln.debt, 0)::bigint AS debt, COALESCE(ln.credit_debt, 0)::bigint AS credit_debt,
           COALESCE(ln.current_dpd, 0)::int AS current_dpd, COALESCE(ln.max_dpd, 0)::int AS max_dpd,
           COALESCE(inst.on_time, 0)::int AS on_time, COALESCE(inst.late, 0)::int AS late,
           COALESCE(GREATEST(-r.balance, 0), 0)::bigint AS receivable
      FROM m
      LEFT JOIN paid ON paid.merchant_id = m.id
      LEFT JOIN done ON done.merchant_id = m.id
      LEFT JOIN ln ON ln.merchant_id = m.id
      LEFT JOIN inst ON inst.merchant_id = m.id
      LEFT JOIN ledger_accounts r ON r.code = 'user:' || m.user_id || ':RECEIVABLE:CNY'
     ORDER BY m.id`;
  const asOf = now.toISOString();
  return rows.map((r) => ({
    merchantId: r.merchant_id,
    userId: r.user_id,
    inputs: {
      asOf,
      merchantStatus: r.status,
      daysSinceApproval: Math.max(0, r.days),
      netSales90Fen: Number(r.net90),
      netSales30Fen: Number(r.net30),
      netSalesPrev60Fen: Number(r.net90 - r.net30),
      completedOrders: r.completed,
      paidOrders90: r.paid90,
      paid90Fen: Number(r.paid90_fen),
      refunded90Fen: Number(r.refunded90_fen),
      disputedOrders90: r.disputed,
      decidedDisputes90: r.decided,
      lostDisputes90: r.lost,
      shippedOrders90: r.shipped,
      shippedOnTime90: r.shipped_on_time,
      instalmentsOnTime: r.on_time,
      instalmentsLate: r.late,
      maxDpd365: r.max_dpd,
      currentDpd: r.current_dpd,
      debtFen: Number(r.debt),
      creditDebtFen: Number(r.credit_debt),
      receivableFen: Number(r.receivable),
      maxLimitFen,
    },
  }));
}
