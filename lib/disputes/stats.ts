import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/transaction";
import { DAY } from "@/lib/time/clock";

/**
 * Each merchant's dispute rate (disputes per paid order over 30 and 90 days) and the share of decided disputes
 * it lost (for the buyer in full or in part), stored so credit and risk features can read them.
 */
export async function refreshDisputeStats(db: PrismaClient | Tx, merchantId: string, now: Date) {
  const since30 = new Date(now.getTime() - 30 * DAY);
  const since90 = new Date(now.getTime() - 90 * DAY);
  const [row] = await db.$queryRaw<{ p30: number; p90: number; d30: number; d90: number; decided: number; lost: number }[]>`
    SELECT
      (SELECT COUNT(*) FROM orders WHERE merchant_id = ${merchantId} AND paid_at >= ${since30})::int AS p30,
      (SELECT COUNT(*) FROM orders WHERE merchant_id = ${merchantId} AND paid_at >= ${since90})::int AS p90,
      (SELECT COUNT(*) FROM disputes WHERE merchant_id = ${merchantId} AND created_at >= ${since30})::int AS d30,
      (SELECT COUNT(*) FROM disputes WHERE merchant_id = ${merchantId} AND created_at >= ${since90})::int AS d90,
      (SELECT COUNT(*) FROM disputes WHERE merchant_id = ${merchantId} AND created_at >= ${since90}
          AND status IN ('RESOLVED_BUYER', 'RESOLVED_SPLIT', 'RESOLVED_MERCHANT'))::int AS decided,
      (SELECT COUNT(*) FROM disputes WHERE merchant_id = ${merchantId} AND created_at >= ${since90}
          AND status IN ('RESOLVED_BUYER', 'RESOLVED_SPLIT'))::int AS lost`;
  const data = {
    paidOrders30: row.p30,
    paidOrders90: row.p90,
    disputes30: row.d30,
    disputes90: row.d90,
    lostShareBps90: row.decided > 0 ? Math.round((row.lost * 10_000) / row.decided) : 0,
    updatedAt: now,
  };
  await db.merchantDisputeStats.upsert({ where: { merchantId }, create: { merchantId, ...data }, update: data });
  return data;
}

/** Rates in basis points for display: disputes ÷ paid orders. */
export function disputeRates(stats: { paidOrders30: number; disputes30: number; paidOrders90: number; disputes90: number; lostShareBps90: number } | null) {
  if (!stats) return { rate30Bps: 0, rate90Bps: 0, lostShareBps90: 0 };
  return {
    rate30Bps: stats.paidOrders30 ? Math.round((stats.disputes30 * 10_000) / stats.paidOrders30) : 0,
    rate90Bps: stats.paidOrders90 ? Math.round((stats.disputes90 * 10_000) / stats.paidOrders90) : 0,
    lostShareBps90: stats.lostShareBps90,
  };
}
