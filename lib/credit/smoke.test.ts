import { describe, expect, it } from "vitest";
import { computeOffers } from "@/lib/credit/offers";
import { verifyLedger } from "@/lib/ledger/verify";
import { fixedClock } from "@/lib/time/clock";
import { prisma, resetDatabase } from "@/tests/db";
import { borrow, tradingMerchant } from "@/tests/credit-fixtures";
import { accrueLoanInterest } from "./accrue";
import { collectDue } from "./collect";

describe("smoke", () => {
  it("works", async () => {
    await resetDatabase();
    const clock = fixedClock("2026-11-01T02:00:00Z");
    const { merchant } = await tradingMerchant(clock);
    console.log(await computeOffers(prisma, clock));
    console.log(await prisma.creditLine.findMany());
    const r = await borrow(merchant.actor, { product: "CREDIT", amountFen: 500_000n, termMonths: 3, method: "EQUAL_INSTALMENT" }, clock);
    console.log(r, await prisma.loanInstalment.findMany());
    clock.advance(40 * 86400000);
    console.log(await accrueLoanInterest(prisma, clock));
    console.log(await collectDue(prisma, clock));
    console.log(await prisma.loan.findMany());
    expect(await verifyLedger(prisma)).toEqual([]);
  }, 120000);
});
