import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addMonths, daysFrom } from "./calendar";
import { buildSchedule, CREDIT_METHODS, CREDIT_TERMS, equalInstalmentAmount, periodInterest } from "./schedule";

const day = fc.date({ min: new Date("2026-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe("credit loan schedules", () => {
  it("for every method and term, any amount, rate and start day: principal adds up to the loan exactly, interest is each period's rounded-down accrual, and each method's shape holds", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CREDIT_METHODS),
        fc.constantFrom(...CREDIT_TERMS),
        fc.bigInt({ min: 10_000n, max: 100_000_000n }),
        fc.bigInt({ min: 0n, max: 100_000n }),
        day,
        (method, term, principalFen, dailyRateE8, startDay) => {
          const s = buildSchedule({ principalFen, dailyRateE8, method, termMonths: term, startDay });
          expect(s.instalments).toHaveLength(term);
          expect(s.instalments.reduce((sum, i) => sum + i.principalFen, 0n)).toBe(principalFen);
          expect(s.interestFen).toBe(s.instalments.reduce((sum, i) => sum + i.interestFen, 0n));
          expect(s.totalFen).toBe(principalFen + s.interestFen);
          let opening = principalFen;
          let previous = startDay;
          for (const i of s.instalments) {
            expect(i.dueDay).toBe(addMonths(startDay, i.seq));
            expect(i.days).toBe(daysFrom(previous, i.dueDay));
            expect(i.openingFen).toBe(opening);
            expect(i.interestFen).toBe(periodInterest(opening, dailyRateE8, i.days));
            expect(i.principalFen >= 0n).toBe(true);
            expect(i.totalFen).toBe(i.principalFen + i.interestFen);
            opening -= i.principalFen;
            previous = i.dueDay;
          }
          const last = s.instalments[term - 1];
          const others = s.instalments.slice(0, -1);
          if (method === "INTEREST_FIRST") {
            for (const i of others) expect(i.principalFen).toBe(0n);
            expect(last.principalFen).toBe(principalFen);
          }
          if (method === "EQUAL_PRINCIPAL") for (const i of others) expect(i.principalFen).toBe(principalFen / BigInt(term));
          if (method === "EQUAL_INSTALMENT") {
            const annuity = equalInstalmentAmount(principalFen, dailyRateE8, term);
            for (const i of others) expect(i.totalFen).toBe(annuity);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it("the 等额本息 instalment is the annuity formula to the fen (¥10,000 over 12 months at 0.03% a day)", () => {
    // r = 0.0003 × 365 / 12 = 0.009125 a month; P·r(1+r)^12/((1+r)^12−1) = 883.58 yuan.
    expect(equalInstalmentAmount(1_000_000n, 30_000n, 12)).toBe(88_358n);
    expect(equalInstalmentAmount(1_000_000n, 0n, 3)).toBe(333_334n);
  });

  it("a month-end start falls due on the last day of shorter months, and interest counts the real days", () => {
    const s = buildSchedule({ principalFen: 3_000_000n, dailyRateE8: 50_000n, method: "EQUAL_PRINCIPAL", termMonths: 3, startDay: "2027-01-31" });
    expect(s.instalments.map((i) => i.dueDay)).toEqual(["2027-02-28", "2027-03-31", "2027-04-30"]);
    expect(s.instalments.map((i) => i.days)).toEqual([28, 31, 30]);
    // 30,000 yuan × 0.05% × 28 days = 420 yuan.
    expect(s.instalments[0].interestFen).toBe(42_000n);
  });
});
