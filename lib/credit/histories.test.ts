import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { withdraw } from "@/lib/bank/withdraw";
import { inTransaction } from "@/lib/db/transaction";
import { verifyLedger } from "@/lib/ledger/verify";
import { DAY, fixedClock } from "@/lib/time/clock";
import { borrow, tradingMerchant } from "@/tests/credit-fixtures";
import { prisma, resetDatabase } from "@/tests/db";
import { BANK_ACCOUNT, walletBalance } from "@/tests/ledger-helpers";
import { accrueLoanInterest } from "./accrue";
import { collectDue } from "./collect";
import { repayLoan } from "./repay";
import { CREDIT_METHODS, CREDIT_TERMS } from "./schedule";

const step = fc.oneof(
  fc.record({ op: fc.constant("borrow" as const), yuan: fc.integer({ min: 100, max: 3_000 }), method: fc.constantFrom(...CREDIT_METHODS), term: fc.constantFrom(...CREDIT_TERMS) }),
  fc.record({ op: fc.constant("repay" as const), yuan: fc.integer({ min: 1, max: 2_000 }), full: fc.boolean() }),
  fc.record({ op: fc.constant("days" as const), days: fc.integer({ min: 1, max: 45 }) }),
  fc.record({ op: fc.constant("withdraw" as const), share: fc.integer({ min: 10, max: 100 }) }),
);

describe("random loan histories", () => {
  beforeEach(resetDatabase);

  it("whatever merchants borrow, repay, withdraw and however time passes (accrual and collection jobs): every ledger and loan invariant holds, nothing is repaid twice, no wallet goes below zero", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 3, maxLength: 10 }), async (steps) => {
        await resetDatabase();
        const clock = fixedClock("2026-11-01T02:00:00Z");
        const { merchant } = await tradingMerchant(clock, { orders: 12, days: 60 });
        const loans: string[] = [];
        for (const s of steps) {
          try {
            if (s.op === "borrow") {
              const { loanId } = await borrow(merchant.actor, { product: "CREDIT", amountFen: BigInt(s.yuan) * 100n, termMonths: s.term, method: s.method }, clock);
              if (loanId) loans.push(loanId);
            } else if (s.op === "repay" && loans.length > 0) {
              const loanId = loans[s.yuan % loans.length];
              await inTransaction(prisma, (tx) => repayLoan(tx, merchant.actor, { loanId, amountFen: s.full ? "FULL" : BigInt(s.yuan) * 100n, idempotencyKey: randomUUID() }, clock));
            } else if (s.op === "days") {
              clock.advance(s.days * DAY);
              await accrueLoanInterest(prisma, clock);
              const run = await collectDue(prisma, clock);
              expect(run.failed).toBe(0);
            } else if (s.op === "withdraw") {
              const balance = await walletBalance(merchant.id);
              const amount = (balance * BigInt(s.share)) / 100n;
              if (amount > 0n) await inTransaction(prisma, (tx) => withdraw(tx, merchant.actor, { amountFen: amount, bankAccount: BANK_ACCOUNT, idempotencyKey: randomUUID() }));
            }
          } catch (error) {
            // Refusals are part of a history (over the limit, more than owed, a repaid loan, not enough money);
            // anything else is a bug.
            const code = (error as { code?: string }).code;
            if (!["invalid_amount", "insufficient_funds", "invalid_transition", "merchant_not_approved"].includes(code ?? "")) throw error;
          }
          expect(await walletBalance(merchant.id)).toBeGreaterThanOrEqual(0n);
        }
        expect(await verifyLedger(prisma)).toEqual([]);
        for (const id of loans) {
          const loan = await prisma.loan.findUniqueOrThrow({ where: { id } });
          expect(loan.principalPaidFen + loan.principalOutstandingFen).toBe(loan.principalFen);
          expect(loan.principalOutstandingFen >= 0n && loan.interestDueFen >= 0n && loan.penaltyDueFen >= 0n).toBe(true);
          expect(loan.interestPaidFen).toBeLessThanOrEqual(loan.interestAccruedFen);
          expect(loan.penaltyPaidFen).toBeLessThanOrEqual(loan.penaltyAccruedFen);
        }
      }),
      { numRuns: 8 },
    );
  }, 300_000);
});
