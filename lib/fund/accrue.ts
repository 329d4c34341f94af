import type { PrismaClient } from "@/lib/generated/prisma/client";
import { inTransaction } from "@/lib/db/transaction";
import { type Clock, systemClock } from "@/lib/time/clock";
import { addDays, daysBetween, fromDateColumn, platformDayOf, platformDayStart } from "@/lib/time/platform-day";
import { rateForDay } from "./rates";

export type AccrualRun = { accrued: string[]; skipped: string[]; failed?: { day: string; error: string } };

/**
 * The daily yield job, a catch-up over every day not yet accrued, up to yesterday (Asia/Shanghai), oldest first:
 * the day after the last accrued one, or the day of the fund's first movement. Each day is one call of the
 * database's fund_accrue_day (set-based over all holders, lib docs in docs/fund.md) in its own transaction.
 * Days must go in order (each day's carried remainders feed the next), so a day that fails stops the run there;
 * the next run starts again from it. Running it twice, or twice at once, accrues each day once.
 */
export async function accrueFundYield(db: PrismaClient, clock: Clock = systemClock): Promise<AccrualRun> {
  const yesterday = addDays(platformDayOf(clock.now()), -1);
  const [last] = await db.$queryRaw<{ day: Date | null }[]>`SELECT max(day) AS day FROM fund_days`;
  let first: string;
  if (last.day) first = addDays(fromDateColumn(last.day), 1);
  else {
    const [start] = await db.$queryRaw<{ at: Date | null }[]>`
      SELECT min(p.created_at) AS at FROM postings p JOIN ledger_accounts a ON a.id = p.account_id WHERE a.type = 'FUND'`;
    if (!start.at) return { accrued: [], skipped: [] };
    first = platformDayOf(start.at);
  }
  const run: AccrualRun = { accrued: [], skipped: [] };
  for (const day of first <= yesterday ? daysBetween(first, yesterday) : []) {
    try {
      const rate = (await rateForDay(db, day)) ?? 0n;
      const done = await inTransaction(db, async (tx) => {
        const [row] = await tx.$queryRaw<{ accrued: boolean }[]>`
          SELECT fund_accrue_day(${day}::date, ${platformDayStart(day)}, ${platformDayStart(addDays(day, 1))}, ${rate}::bigint) AS accrued`;
        return row.accrued;
      });
      (done ? run.accrued : run.skipped).push(day);
    } catch (error) {
      const message = (error as Error)?.message?.split("\n").at(-1) ?? String(error);
      console.error(JSON.stringify({ level: "error", at: "jobs.fund.accrue", day, message }));
      return { ...run, failed: { day, error: message } };
    }
  }
  return run;
}
