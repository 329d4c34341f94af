import { calendarDay } from "@/lib/http/search-params";
import { addDays, daysBetween } from "@/lib/time/platform-day";
import { MAX_OVERVIEW_DAYS } from "./platform-figures";

export const OVERVIEW_PRESETS = [7, 30, 90] as const;
const DEFAULT_DAYS = 30;

/** The overview's query: read by the page with readSearchParams. */
export const OVERVIEW_QUERY = { from: calendarDay, to: calendarDay };

export type OverviewRange = { from: string; to: string; problem?: "reversed" | "too_long"; asked?: { from: string; to: string } };

/**
 * The overview's date range from the query: both days given and sane, else the last 30 days to today. A
 * reversed or over-long range is not an error page: the default is shown, with a line saying why.
 */
export function overviewRange(params: { from?: string; to?: string }, today: string): OverviewRange {
  const to = params.to ?? today;
  const from = params.from ?? addDays(to, -(DEFAULT_DAYS - 1));
  const fallback = { from: addDays(today, -(DEFAULT_DAYS - 1)), to: today };
  if (from > to) return { ...fallback, problem: "reversed", asked: { from, to } };
  if (daysBetween(from, to).length > MAX_OVERVIEW_DAYS) return { ...fallback, problem: "too_long", asked: { from, to } };
  return { from, to };
}
