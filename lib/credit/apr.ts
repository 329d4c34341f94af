import type { Schedule } from "./schedule";
import { daysFrom } from "./calendar";

/**
 * The annualised rate of a schedule as the law asks lenders to show it (IRR-based, 年化利率): the daily rate r at
 * which the instalments, discounted by (1 + r)^days, are worth the principal, × 365. In basis points, for display
 * only (a float is fine here; no money is computed from it). Bisection: the present value falls as r rises.
 */
export function annualisedRateBps(schedule: Schedule, startDay: string): number {
  const flows = schedule.instalments.map((i) => ({ t: daysFrom(startDay, i.dueDay), amount: Number(i.totalFen) }));
  const principal = Number(schedule.principalFen);
  const presentValue = (r: number) => flows.reduce((s, f) => s + f.amount / (1 + r) ** f.t, 0);
  if (presentValue(0) <= principal) return 0;
  let lo = 0;
  let hi = 0.01;
  while (presentValue(hi) > principal && hi < 1) hi *= 2;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (presentValue(mid) > principal) lo = mid;
    else hi = mid;
  }
  return Math.round(((lo + hi) / 2) * 365 * 10_000);
}
