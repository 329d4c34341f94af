import type { Db } from "@/lib/db/transaction";
import { DAY } from "@/lib/time/clock";

export type DisputeRates = { rate30Bps: number; rate90Bps: number; lostShareBps90: number; paidOrders30: number; paidOrders90: number };

/**
 * A merchant's dispute rates, computed from their definition whenever they are read (never a stored snapshot that
 * goes stale when more orders are paid): of the orders paid in the last 30 (90) days, the share that has been
 * disputed; and of those orders' disputes that were decided, the share the merchant lost (for the buyer in full or
 * in part). In basis points. One query, on the merchant's orders by payment time.
 */
export async function disputeRatesFor(db: Db, merchantId: string, now: Date): Promise<DisputeRates> {
  const since30 = new Date(now.getTime() - 30 * DAY);
  const since90 = new Date(now.getTime() - 90 * DAY);
  const [row] = await db.$queryRaw<{ p30: number; p90: number; d30: number; d90: number; decided: number; lost: number }[]>`
    WITH paid AS (
      SELECT o.id, o.paid_at >= ${since30} AS recent, EXISTS (SELECT 1 FROM disputes d WHERE d.order_id = o.id) AS disputed
        FROM orders o WHERE o.merchant_id = ${merchantId} AND o.paid_at >= ${since90} AND o.paid_at <= ${now}
    ), outcomes AS (
      SELECT d.status FROM disputes d JOIN paid ON paid.id = d.order_id
       WHERE d.status IN ('RESOLVED_BUYER', 'RESOLVED_SPLIT', 'RESOLVED_MERCHANT')
    )
    SELECT (SELECT count(*) FILTER (WHERE recent) FROM paid)::int AS p30,
           (SELECT count(*) FROM paid)::int AS p90,
           (SELECT count(*) FILTER (WHERE recent AND disputed) FROM paid)::int AS d30,
           (SELECT count(*) FILTER (WHERE disputed) FROM paid)::int AS d90,
           (SELECT count(*) FROM outcomes)::int AS decided,
           (SELECT count(*) FILTER (WHERE status IN ('RESOLVED_BUYER', 'RESOLVED_SPLIT')) FROM outcomes)::int AS lost`;
  const bps = (part: number, whole: number) => (whole > 0 ? Math.round((part * 10_000) / whole) : 0);
  return {
    rate30Bps: bps(row.d30, row.p30),
    rate90Bps: bps(row.d90, row.p90),
    lostShareBps90: bps(row.lost, row.decided),
    paidOrders30: row.p30,
    paidOrders90: row.p90,
  };
}
