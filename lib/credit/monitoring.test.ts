import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { withdraw } from "@/lib/bank/withdraw";
import { inTransaction } from "@/lib/db/transaction";
import { verifyLedger } from "@/lib/ledger/verify";
import { DAY, fixedClock } from "@/lib/time/clock";
import { borrow, tradingMerchant } from "@/tests/credit-fixtures";
import { prisma, resetDatabase } from "@/tests/db";
import { BANK_ACCOUNT, walletBalance } from "@/tests/ledger-helpers";
import { collectDue } from "./collect";
import { monitorBorrowers } from "./monitor";
import { computeOffers } from "./offers";
import { repayLoan } from "./repay";
import { restorationProgress } from "./restoration";
import { creditSettings } from "./settings";

describe("post-loan monitoring and restoration", () => {
  beforeEach(resetDatabase);

  it("a borrower who withdraws the loan right away: draws frozen, release share raised, loans called due; notified, audited, once a day", async () => {
    const clock = fixedClock("2026-11-01T02:00:00Z");
    const { merchant, merchantId } = await tradingMerchant(clock);
    const { loanId } = await borrow(merchant.actor, { product: "CREDIT", amountFen: 300_000n, termMonths: 6, method: "EQUAL_INSTALMENT" }, clock);
    // A borrower with no signal: nothing happens.
    expect(await monitorBorrowers(prisma, clock)).toMatchObject({ failed: 0 });
    expect((await prisma.creditLine.findUniqueOrThrow({ where: { merchantId } })).frozen).toBe(false);

    clock.advance(DAY);
    await inTransaction(prisma, (tx) => withdraw(tx, merchant.actor, { amountFen: 290_000n, bankAccount: BANK_ACCOUNT, idempotencyKey: randomUUID() }));
    await monitorBorrowers(prisma, clock);
    const line = await prisma.creditLine.findUniqueOrThrow({ where: { merchantId } });
    expect(line.frozen).toBe(true);
    expect(line.frozenSignals).toContain("WITHDRAWAL_DRAIN");
    const settings = await creditSettings();
    expect(line.releaseShareBps).toBe(settings.monitor.raisedReleaseShareBps);
    const loan = await prisma.loan.findUniqueOrThrow({ where: { id: loanId! } });
    expect(loan.calledDay).not.toBeNull();
    const audits = await prisma.auditLog.findMany({ where: { targetId: merchantId }, orderBy: { id: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["credit.monitor.freeze", "credit.monitor.raise_share", "credit.monitor.call_due"]);
    const notices = await prisma.notification.findMany({ where: { userId: merchant.id, kind: { startsWith: "credit.monitor." } } });
    expect(notices.map((n) => n.kind).sort()).toEqual(["credit.monitor.CALL_DUE", "credit.monitor.FREEZE", "credit.monitor.RAISE_SHARE"]);
    // The same day again: nothing more.
    await monitorBorrowers(prisma, clock);
    expect(await prisma.auditLog.count({ where: { targetId: merchantId } })).toBe(3);

    // Called due: the whole loan falls due today and is collected from the wallet (its sales are still there).
    await collectDue(prisma, clock);
    expect((await prisma.loan.findUniqueOrThrow({ where: { id: loanId! } })).status).toBe("REPAID");
    // No new draws while frozen.
    await computeOffers(prisma, clock);
    expect((await prisma.creditLine.findUniqueOrThrow({ where: { merchantId } })).availableFen).toBe(0n);
    expect(await verifyLedger(prisma)).toEqual([]);
  });

  it("after an overdue loan is repaid, the way back starts: steps with progress, a third of the limit per step met", async () => {
    const clock = fixedClock("2026-11-01T02:00:00Z");
    const { merchant, merchantId } = await tradingMerchant(clock);
    const { loanId } = await borrow(merchant.actor, { product: "CREDIT", amountFen: 200_000n, termMonths: 1, method: "INTEREST_FIRST" }, clock);
    const balance = await walletBalance(merchant.id);
    await inTransaction(prisma, (tx) => withdraw(tx, merchant.actor, { amountFen: balance, bankAccount: BANK_ACCOUNT, idempotencyKey: randomUUID() }));
    clock.set(new Date("2026-12-05T03:00:00Z"));
    await collectDue(prisma, clock);
    expect((await prisma.loan.findUniqueOrThrow({ where: { id: loanId! } })).status).toBe("OVERDUE");
    const settings = await creditSettings();
    expect(await restorationProgress(prisma, clock.now(), settings, merchantId)).toEqual([]);

    // The merchant tops up and repays everything.
    const { topUp } = await import("@/lib/bank/top-up");
    const { GOOD_CARD } = await import("@/tests/ledger-helpers");
    await inTransaction(prisma, (tx) => topUp(tx, merchant.actor, { amountFen: 300_000n, cardNumber: GOOD_CARD, idempotencyKey: randomUUID() }));
    await inTransaction(prisma, (tx) => repayLoan(tx, merchant.actor, { loanId: loanId!, amountFen: "FULL", idempotencyKey: randomUUID() }, clock));
    const [start] = await restorationProgress(prisma, clock.now(), settings, merchantId);
    expect(start.stepsMet).toBe(0);
    expect(start.steps.map((s) => s.checks.map((c) => c.code))).toEqual([["CLEAN_DAYS"], ["COMPLETED_ORDERS", "DISPUTE_RATE"], ["ON_TIME_REPAYMENTS", "FULL_CLEAN_DAYS"]]);
    await computeOffers(prisma, clock);
    const before = await prisma.creditLine.findUniqueOrThrow({ where: { merchantId } });
    expect(before.availableFen).toBe(0n);

    // 30 clean days later the first step is met: a third of the limit comes back.
    clock.advance(settings.restore.cleanDays * DAY + DAY);
    const [later] = await restorationProgress(prisma, clock.now(), settings, merchantId);
    expect(later.steps[0]).toMatchObject({ met: true });
    expect(later.stepsMet).toBeGreaterThanOrEqual(1);
    await computeOffers(prisma, clock);
    const after = await prisma.creditLine.findUniqueOrThrow({ where: { merchantId } });
    expect(after.availableFen).toBeGreaterThan(0n);
    expect(after.availableFen).toBeLessThanOrEqual(after.limitFen / 3n + 10_000n);
  });
});
