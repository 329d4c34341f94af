import { addDays, daysBetween, platformDayStart } from "@/lib/time/platform-day";

/** The longest period one statement covers. */
export const MAX_STATEMENT_DAYS = 366;

export type Period = { from: string; to: string; start: Date; end: Date };

/** A calendar month "yyyy-mm" as its first and last day (Asia/Shanghai days). */
export function monthPeriod(month: string): Period {
  const [y, m] = month.split("-").map(Number);
  const first = `${month}-01`;
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
  return dayPeriod(first, addDays(next, -1));
}

/** Days `from` to `to`, both included: from the first instant of `from` to the first of the day after `to`. */
export function dayPeriod(from: string, to: string): Period {
  if (from > to) throw new RangeError(`statement period reversed: ${from}..${to}`);
  if (daysBetween(from, to).length > MAX_STATEMENT_DAYS) throw new RangeError(`statement period over ${MAX_STATEMENT_DAYS} days`);
  return { from, to, start: platformDayStart(from), end: platformDayStart(addDays(to, 1)) };
}
