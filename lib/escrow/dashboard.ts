import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { assertRole, type Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors/domain-error";
import { userBalance } from "@/lib/ledger/accounts";
import { type Clock, DAY, systemClock } from "@/lib/time/clock";

/** Midnight in Asia/Shanghai (UTC+8, no daylight saving) of the day containing `now`. */
export function shanghaiMidnight(now: Date): Date {
  const shifted = now.getTime() + 8 * 3_600_000;
  return new Date(shifted - (shifted % DAY) - 8 * 3_600_000);
}

async function merchantIdOf(db: PrismaClient, actor: Actor) {
  assertRole(actor, ["MERCHANT"]);
  const merchant = await db.merchant.findUnique({ where: { userId: actor.userId }, select: { id: true } });
  if (!merchant) throw new DomainError("not_found");
  return merchant.id;
}

/**
 * The merchant's key figures. Sales are the amounts of orders paid in the period (platform days); the refund
 * rate is refunded ÷ paid over 30 days. One query per figure group, all aggregated in the database.
 */
export async function merchantDashboard(db: PrismaClient, actor: Actor, clock: Clock = systemClock) {
  const merchantId = await merchantIdOf(db, actor);
  const today = shanghaiMidnight(clock.now());
  const since30 = new Date(today.getTime() - 29 * DAY);
  const [sales, byStatus, held, daily, wallet, reserve] = await Promise.all([
    db.$queryRaw<{ today: bigint; d7: bigint; d30: bigint; refunded30: bigint }[]>`
      SELECT COALESCE(SUM(total_fen) FILTER (WHERE paid_at >= ${today}), 0)::bigint AS today,
             COALESCE(SUM(total_fen) FILTER (WHERE paid_at >= ${new Date(today.getTime() - 6 * DAY)}), 0)::bigint AS d7,
             COALESCE(SUM(total_fen), 0)::bigint AS d30,
             COALESCE(SUM(refunded_fen), 0)::bigint AS refunded30
        FROM orders WHERE merchant_id = ${merchantId} AND paid_at >= ${since30}`,
    db.order.groupBy({ by: ["status"], where: { merchantId }, _count: { _all: true } }),
    db.$queryRaw<{ held: bigint }[]>`
      SELECT COALESCE(SUM(total_fen - refunded_fen), 0)::bigint AS held FROM orders
       WHERE merchant_id = ${merchantId} AND status IN ('PAID', 'SHIPPED', 'DISPUTED')`,
    db.$queryRaw<{ day: string; total: bigint; orders: bigint }[]>`
      SELECT to_char(paid_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day, SUM(total_fen)::bigint AS total, COUNT(*) AS orders
        FROM orders WHERE merchant_id = ${merchantId} AND paid_at >= ${since30}
       GROUP BY 1 ORDER BY 1`,
    userBalance(db, actor.userId),
    userBalance(db, actor.userId, "RESERVE"),
  ]);
  const days = new Map(daily.map((d) => [d.day, d]));
  const series = Array.from({ length: 30 }, (_, i) => {
    const day = new Date(since30.getTime() + i * DAY + 8 * 3_600_000).toISOString().slice(0, 10);
    const hit = days.get(day);
    return { day, totalFen: hit?.total ?? 0n, orders: Number(hit?.orders ?? 0) };
  });
  const s = sales[0];
  return {
    salesTodayFen: s.today,
    sales7dFen: s.d7,
    sales30dFen: s.d30,
    refundRateBps: s.d30 > 0n ? Number((s.refunded30 * 10_000n) / s.d30) : 0,
    byStatus: Object.fromEntries(byStatus.map((r) => [r.status, r._count._all])) as Partial<Record<OrderStatus, number>>,
    heldFen: held[0].held,
    availableFen: wallet,
    reserveFen: reserve,
    series,
  };
}

/**
 * What each coming day will release if buyers do nothing: shipped orders by their auto-confirm day (platform
 * time), with each order's deadline. Disputed orders are frozen: listed apart, with no date.
 */
export async function releaseCalendar(db: PrismaClient, actor: Actor, clock: Clock = systemClock, horizonDays = 14) {
  const merchantId = await merchantIdOf(db, actor);
  const now = clock.now();
  const until = new Date(shanghaiMidnight(now).getTime() + horizonDays * DAY);
  const [upcoming, frozen] = await Promise.all([
    db.order.findMany({
      where: { merchantId, status: "SHIPPED", autoConfirmAt: { lt: until } },
      orderBy: { autoConfirmAt: "asc" },
      select: { id: true, orderNo: true, totalFen: true, refundedFen: true, autoConfirmAt: true, extended: true },
    }),
    db.order.findMany({ where: { merchantId, status: "DISPUTED" }, select: { id: true, orderNo: true, totalFen: true, refundedFen: true } }),
  ]);
  const byDay = new Map<string, bigint>();
  for (const o of upcoming) {
    const day = new Date(Math.max(o.autoConfirmAt!.getTime(), now.getTime()) + 8 * 3_600_000).toISOString().slice(0, 10);
    byDay.set(day, (byDay.get(day) ?? 0n) + (o.totalFen - o.refundedFen));
  }
  const days = Array.from({ length: horizonDays }, (_, i) => {
    const day = new Date(shanghaiMidnight(now).getTime() + i * DAY + 8 * 3_600_000).toISOString().slice(0, 10);
    return { day, amountFen: byDay.get(day) ?? 0n };
  });
  return { days, orders: upcoming, frozen };
}
