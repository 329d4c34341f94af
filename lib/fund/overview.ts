import { assertPermission, assertRole, type Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/transaction";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { userAccountCode } from "@/lib/ledger/accounts";
import { getSetting } from "@/lib/settings/settings";
import { type Clock, systemClock } from "@/lib/time/clock";
import { addDays, dateColumn, daysBetween, fromDateColumn, platformDayOf } from "@/lib/time/platform-day";
import { listMovements, type MovementPage } from "@/lib/ledger/statement";
import { rateForDay, sevenDayAnnualBps } from "./rates";

/** The income per 10,000 units (E4) of every day from `first` to `last`, from the rate history. */
export async function dailyRates(db: Db, first: string, last: string): Promise<{ day: string; per10kE4: bigint }[]> {
  const rates = await db.fundRate.findMany({ where: { effectiveFrom: { lte: dateColumn(last) } }, orderBy: [{ effectiveFrom: "asc" }, { id: "asc" }] });
  return daysBetween(first, last).map((day) => {
    let current = 0n;
    for (const r of rates) if (fromDateColumn(r.effectiveFrom) <= day) current = r.per10kE4;
    return { day, per10kE4: current };
  });
}

/** Each day's income per 10,000 units and 7-day annualised yield (bps) over the last `days` days up to yesterday. */
export async function yieldSeries(db: Db, days: number, clock: Clock = systemClock) {
  const yesterday = addDays(platformDayOf(clock.now()), -1);
  const first = addDays(yesterday, -(days - 1));
  const rates = await dailyRates(db, addDays(first, -6), yesterday);
  return rates.slice(6).map((r, i) => ({ day: r.day, per10kE4: r.per10kE4, sevenDayBps: sevenDayAnnualBps(rates.slice(i, i + 7).map((x) => x.per10kE4)) }));
}

/**
 * A holder's fund page: balance, what is on its way to the wallet, yesterday's and total yield, the 7-day
 * annualised yield, what can still be redeemed at once today, and the auto-sweep setting.
 */
export async function fundOverview(db: Db, actor: Actor, clock: Clock = systemClock) {
  assertRole(actor, ["BUYER", "MERCHANT"]);
  const now = clock.now();
  const today = platformDayOf(now);
  const yesterday = addDays(today, -1);
  const [accounts, holder, yesterdayYield, pending, cap, series, todayRate] = await Promise.all([
    db.ledgerAccount.findMany({ where: { code: { in: [userAccountCode(actor.userId, "FUND"), userAccountCode(actor.userId, "FUND_PENDING"), userAccountCode(actor.userId, "WALLET")] } } }),
    db.fundHolder.findUnique({ where: { userId: actor.userId } }),
    db.fundYield.findUnique({ where: { userId_day: { userId: actor.userId, day: dateColumn(yesterday) } } }),
    db.fundRedemption.findMany({ where: { userId: actor.userId, settledAt: null }, orderBy: { dueAt: "asc" } }),
    getSetting("fund.instantRedeemCapFen"),
    yieldSeries(db, 7, clock),
    rateForDay(db, today),
  ]);
  const balance = (type: "FUND" | "FUND_PENDING" | "WALLET") => accounts.find((a) => a.code === userAccountCode(actor.userId, type))?.balance ?? 0n;
  const usedToday = holder?.instantDay && fromDateColumn(holder.instantDay) === today ? holder.instantRedeemedFen : 0n;
  const capFen = BigInt(cap);
  return {
    balanceFen: balance("FUND"),
    pendingFen: balance("FUND_PENDING"),
    walletFen: balance("WALLET"),
    pending: pending.map((p) => ({ id: p.id, amountFen: p.amountFen, dueAt: p.dueAt })),
    yesterdayYieldFen: yesterdayYield?.yieldFen ?? 0n,
    totalYieldFen: holder?.yieldTotalFen ?? 0n,
    sevenDayBps: series.at(-1)?.sevenDayBps ?? 0,
    per10kE4: series.at(-1)?.per10kE4 ?? 0n,
    /** What 10,000 units earn today (credited tomorrow), from the rate in force today. */
    todayPer10kE4: todayRate ?? 0n,
    today,
    instantCapFen: capFen,
    instantLeftFen: capFen > usedToday ? capFen - usedToday : 0n,
    sweep: { enabled: holder?.sweepEnabled ?? false, floorFen: holder?.sweepFloorFen ?? 0n },
  };
}

/** The holder's own fund account, newest movement first (the same pages as the wallet's statement). */
export async function fundMovements(db: PrismaClient, actor: Actor, options: { cursor?: string | null; limit?: number } = {}): Promise<MovementPage> {
  assertRole(actor, ["BUYER", "MERCHANT"]);
  const account = await db.ledgerAccount.findUnique({ where: { code: userAccountCode(actor.userId, "FUND") } });
  if (!account) return { movements: [], nextCursor: null };
  return listMovements(db, account.id, options);
}

/** For the platform: the fund's size, its holders, and what it paid each day. */
export async function fundAdminOverview(db: Db, actor: Actor, days = 30) {
  assertPermission(actor, "fund.view");
  const [size] = await db.$queryRaw<{ units: bigint; pending: bigint; holders: number }[]>`
    SELECT COALESCE(sum(balance) FILTER (WHERE type = 'FUND'), 0)::bigint AS units,
           COALESCE(sum(balance) FILTER (WHERE type = 'FUND_PENDING'), 0)::bigint AS pending,
           (count(*) FILTER (WHERE type = 'FUND' AND balance > 0))::int AS holders
      FROM ledger_accounts WHERE type IN ('FUND', 'FUND_PENDING')`;
  const paid = await db.fundDay.findMany({ orderBy: { day: "desc" }, take: days });
  const redemptions = await db.fundRedemption.aggregate({ where: { settledAt: null }, _count: true, _min: { dueAt: true } });
  return {
    sizeFen: size.units,
    pendingFen: size.pending,
    pendingCount: redemptions._count,
    nextDueAt: redemptions._min.dueAt,
    holders: size.holders,
    days: paid.map((d) => ({ day: fromDateColumn(d.day), per10kE4: d.per10kE4, eligibleFen: d.eligibleFen, creditedFen: d.creditedFen, holders: d.holders })),
  };
}
