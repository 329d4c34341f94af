import type { PrismaClient } from "@/lib/generated/prisma/client";
import { inTransaction } from "@/lib/db/transaction";
import { type Clock, systemClock } from "@/lib/time/clock";
import { addDays, daysBetween, fromDateColumn, platformDayOf } from "@/lib/time/platform-day";

export type LoanAccrualRun = { accrued: string[]; skipped: string[]; failed?: { day: string; error: string } };

/**
 * The daily interest and penalty job (like the fund's yield, lib/fund/accrue.ts): a catch-up over every day not yet
 * accrued, up to yesterday (Asia/Shanghai), oldest first — the day after the last one, or the first loan's
 * disbursement day. Each day is one call of the database's credit_accrue (set-based over every loan that has
 * accrued up to the day before; docs/credit.md) in its own transaction, after the day's credit_days row: a day runs
 * once, and a second run (or one at the same time) finds it and does nothing. Days go in order (each day's
 * carried rests feed the next): a day that fails stops the run, and the next run starts again from it. A loan that
 * a repayment already brought up to date (its own catch-up) is simply not due for that day.
 */
export async function accrueLoanInterest(db: PrismaClient, clock: Clock = systemClock): Promise<LoanAccrualRun> {
  const yesterday = addDays(platformDayOf(clock.now()), -1);
  const [last] = await db.$queryRaw<{ day: Date | null }[]>`SELECT max(day) AS day FROM credit_days`;
  let first: string;
  if (last.day) first = addDays(fromDateColumn(last.day), 1);
  else {
    const [start] = await db.$queryRaw<{ day: Date | null }[]>`SELECT min(disbursed_day) AS day FROM loans`;
    if (!start.day) return { accrued: [], skipped: [] };
    first = fromDateColumn(start.day);
  }
  const run: LoanAccrualRun = { accrued: [], skipped: [] };
  for (const day of first <= yesterday ? daysBetween(first, yesterday) : []) {
    try {
      const done = await inTransaction(db, async (tx) => {
        const claimed = await tx.$executeRaw`
          INSERT INTO credit_days (day, loans, interest_fen, penalty_fen) VALUES (${day}::date, 0, 0, 0) ON CONFLICT (day) DO NOTHING`;
        if (claimed === 0) return false;
        await tx.$executeRaw`
          UPDATE credit_days d SET loans = a.accrued_loans, interest_fen = a.accrued_interest, penalty_fen = a.accrued_penalty, journal_id = a.accrual_journal
            FROM credit_accrue(${day}::date, NULL) a WHERE d.day = ${day}::date`;
        return true;
      });
      (done ? run.accrued : run.skipped).push(day);
    } catch (error) {
      const message = (error as Error)?.message?.split("\n").at(-1) ?? String(error);
      console.error(JSON.stringify({ level: "error", at: "jobs.credit.accrue", day, message }));
      return { ...run, failed: { day, error: message } };
    }
  }
  return run;
}
