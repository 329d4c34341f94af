import { addDays } from "@/lib/time/platform-day";

/**
 * Monthly due days. Instalment k falls due k months after the disbursement day, on the same day of the month, or
 * the month's last day when it has no such day (disbursed 31 January: 28/29 February, 31 March, 30 April…). Each
 * is computed from the disbursement day, never from the previous due day, so a short month does not shift the rest.
 */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split("-").map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

/** Whole days from `from` to `to` (platform days, "yyyy-mm-dd"). */
export const daysFrom = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export { addDays };
