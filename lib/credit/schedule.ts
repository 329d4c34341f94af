import type { RepaymentMethod } from "@/lib/generated/prisma/enums";
import { addMonths, daysFrom } from "./calendar";
import { E8 } from "./rates";

export type CreditMethod = Exclude<RepaymentMethod, "BULLET">;
export const CREDIT_METHODS = ["EQUAL_INSTALMENT", "EQUAL_PRINCIPAL", "INTEREST_FIRST"] as const satisfies readonly CreditMethod[];
export const CREDIT_TERMS = [1, 3, 6, 12] as const;
export type CreditTerm = (typeof CREDIT_TERMS)[number];

export type Instalment = {
  seq: number;
  /** Platform day (Asia/Shanghai) it falls due. */
  dueDay: string;
  /** Days of interest in its period: from the previous due day (or the disbursement day) to this one, not counting it. */
  days: number;
  /** Principal outstanding during the period. */
  openingFen: bigint;
  principalFen: bigint;
  interestFen: bigint;
  totalFen: bigint;
};

export type Schedule = { instalments: Instalment[]; principalFen: bigint; interestFen: bigint; totalFen: bigint };

export type ScheduleInput = {
  principalFen: bigint;
  /** Interest per day in units of 1e-8. */
  dailyRateE8: bigint;
  method: CreditMethod;
  termMonths: number;
  /** The disbursement day: interest counts from it (and not the day of repayment). */
  startDay: string;
};

/**
 * A period's interest: principal × daily rate × days, rounded down to the fen. It is exactly what the daily accrual
 * books over the period (credit_accrue carries the sub-fen rest from day to day and starts it afresh each period),
 * so a loan repaid on schedule pays exactly this.
 */
export const periodInterest = (principalFen: bigint, dailyRateE8: bigint, days: number): bigint => (principalFen * dailyRateE8 * BigInt(days)) / E8;

/**
 * 等额本息's equal monthly total: the annuity P·r(1+r)^n / ((1+r)^n − 1) at the monthly rate r = daily rate × 365 / 12,
 * computed exactly with integers and rounded half up to the fen. With r = 0 it is P / n, rounded up.
 */
export function equalInstalmentAmount(principalFen: bigint, dailyRateE8: bigint, n: number): bigint {
  const num = dailyRateE8 * 365n; // r = num / den
  const den = 12n * E8;
  if (num === 0n) return (principalFen + BigInt(n) - 1n) / BigInt(n);
  const grown = (den + num) ** BigInt(n); // (1 + r)^n × den^n
  const base = den ** BigInt(n);
  const top = principalFen * num * grown; // P · r · (1+r)^n, over den^(n+1)
  const bottom = den * (grown - base); // ((1+r)^n − 1), over den^n, times den
  return (2n * top + bottom) / (2n * bottom);
}

/**
 * The whole repayment schedule of a credit loan, exact to the fen. Rounding rules (property-tested in
 * schedule.test.ts):
 * - each period's interest is periodInterest(opening principal, rate, days of the period), rounded down;
 * - 等额本息 (EQUAL_INSTALMENT): every instalment but the last totals equalInstalmentAmount (principal = that total −
 *   the period's interest); the last takes all the principal left, so its total differs by the rounding;
 * - 等额本金 (EQUAL_PRINCIPAL): principal ⌊P / n⌋ each, the last takes the remainder;
 * - 先息后本 (INTEREST_FIRST): interest only, all the principal with the last instalment.
 * The instalments' principal always adds up to the loan exactly.
 */
export function buildSchedule(input: ScheduleInput): Schedule {
  const { principalFen, dailyRateE8, method, termMonths: n, startDay } = input;
  if (principalFen <= 0n) throw new Error("schedule: principal must be positive");
  if (!Number.isInteger(n) || n < 1) throw new Error("schedule: term must be a whole number of months");
  const annuity = method === "EQUAL_INSTALMENT" ? equalInstalmentAmount(principalFen, dailyRateE8, n) : 0n;
  const instalments: Instalment[] = [];
  let opening = principalFen;
  let previous = startDay;
  for (let seq = 1; seq <= n; seq++) {
    const dueDay = addMonths(startDay, seq);
    const days = daysFrom(previous, dueDay);
    const interest = periodInterest(opening, dailyRateE8, days);
    let principal: bigint;
    if (seq === n) principal = opening;
    else if (method === "EQUAL_INSTALMENT") principal = clamp(annuity - interest, 0n, opening);
    else if (method === "EQUAL_PRINCIPAL") principal = clamp(principalFen / BigInt(n), 0n, opening);
    else principal = 0n;
    instalments.push({ seq, dueDay, days, openingFen: opening, principalFen: principal, interestFen: interest, totalFen: principal + interest });
    opening -= principal;
    previous = dueDay;
  }
  const interestFen = instalments.reduce((s, i) => s + i.interestFen, 0n);
  return { instalments, principalFen, interestFen, totalFen: principalFen + interestFen };
}

/**
 * An order loan's one instalment: principal and interest at the order's release. The interest shown is for the days
 * until the expected release (its auto-confirm day), at least one; the loan pays for the days it really ran.
 */
export function orderLoanSchedule(input: { principalFen: bigint; dailyRateE8: bigint; startDay: string; expectedDay: string }): Schedule {
  const days = Math.max(1, daysFrom(input.startDay, input.expectedDay));
  const interest = periodInterest(input.principalFen, input.dailyRateE8, days);
  return {
    instalments: [{ seq: 1, dueDay: input.expectedDay, days, openingFen: input.principalFen, principalFen: input.principalFen, interestFen: interest, totalFen: input.principalFen + interest }],
    principalFen: input.principalFen,
    interestFen: interest,
    totalFen: input.principalFen + interest,
  };
}

const clamp = (v: bigint, lo: bigint, hi: bigint) => (v < lo ? lo : v > hi ? hi : v);
