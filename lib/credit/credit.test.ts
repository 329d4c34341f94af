import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { withdraw } from "@/lib/bank/withdraw";
import { inTransaction } from "@/lib/db/transaction";
import { verifyLedger } from "@/lib/ledger/verify";
import { clearSettingsCache, updateSetting } from "@/lib/settings/settings";
import { DAY, fixedClock } from "@/lib/time/clock";
import { borrow, tradingMerchant } from "@/tests/credit-fixtures";
import { prisma, resetDatabase } from "@/tests/db";
import { createUser } from "@/tests/fixtures";
import { BANK_ACCOUNT, walletBalance } from "@/tests/ledger-helpers";
import { getLoanForMerchantOrThrow } from "./access";
import { accrueLoanInterest } from "./accrue";
import { applyForLoan } from "./apply";
import { collectDue } from "./collect";
import { computeOffers } from "./offers";
import { dpdBucket, portfolio } from "./portfolio";
import { repayLoan } from "./repay";
import { approveApplication } from "./review";
import { rescore } from "./scorecard";
import type { CreditInputs } from "./scorecard";

const principalBalance = async (loanId: string) => (await prisma.ledgerAccount.findUniqueOrThrow({ where: { code: `loan:${loanId}:PRINCIPAL:CNY` } })).balance;

describe("merchant credit", () => {
  beforeEach(resetDatabase);

  it("decides at once from the merchant's own trading data; the stored assessment recomputes to the same score, grade and limit", async () => {
    const clock = fixedClock("2026-11-01T02:00:00Z");
    const { merchant } = await tradingMerchant(clock);
    const { decision } = await borrow(merchant.actor, { product: "CREDIT", amountFen: 300_000n, termMonths: 3, method: "EQUAL_INSTALMENT" }, clock);
    expect(decision.status).toBe("APPROVED");
    const application = await prisma.loanApplication.findUniqueOrThrow({ where: { id: decision.applicationId } });
    const stored = await prisma.creditAssessment.findUniqueOrThrow({ where: { id: application.assessmentId! } });
    const again = rescore(stored.scorecardVersion, stored.inputs as unknown as CreditInputs);
    expect({ score: again.score, grade: again.grade, limitFen: again.limitFen }).toEqual({ score: stored.score, grade: stored.grade, limitFen: stored.limitFen });
    expect(again.score).toBe(decision.score);

    // A merchant the platform knows nothing about: declined, with the factors that lowered its score.
    const newcomer = await createUser("MERCHANT", { approved: true });
    const d = await inTransaction(prisma, (tx) => applyForLoan(tx, newcomer.actor, { product: "CREDIT", amountFen: 100_000n, termMonths: 1, method: "INTEREST_FIRST", idempotencyKey: randomUUID() }, clock)).catch((e) => e);
    // Either refused as over the (zero) available credit or declined with its reasons; never approved.
    if ("result" in d) {
      expect(d.result.status).toBe("DECLINED");
      expect(d.result.reasons.length).toBeGreaterThan(1);
    } else {
      expect(d).toMatchObject({ messageKey: "credit.errors.amount_over_available" });
    }
  });

  it("a credit loan: disbursed into the wallet in one journal, principal outstanding is the ledger balance, interest accrues once however often the job runs, due instalments are collected", async () => {
    const clock = fixedClock("2026-11-01T02:00:00Z");
    const { merchant } = await tradingMerchant(clock);
    const before = await walletBalance(merchant.id);
    const { loanId } = await borrow(merchant.actor, { product: "CREDIT", amountFen: 300_000n, termMonths: 3, method: "EQUAL_PRINCIPAL" }, clock);
    expect(loanId).not.toBeNull();
    expect(await walletBalance(merchant.id)).toBe(before + 300_000n);
    expect(await principalBalance(loanId!)).toBe(-300_000n);

    clock.advance(10 * DAY);
    const first = await accrueLoanInterest(prisma, clock);
    expect(first.accrued.length).toBe(10);
    const accrued = (await prisma.loan.findUniqueOrThrow({ where: { id: loanId! } })).interestAccruedFen;
    expect(accrued).toBeGreaterThan(0n);
    expect((await accrueLoanInterest(prisma, clock)).accrued).toEqual([]);
    expect((await prisma.loan.findUniqueOrThrow({ where: { id: loanId! } })).interestAccruedFen).toBe(accrued);

    // The first instalment (100,000 fen of principal) falls due on 2026-12-01 and is collected from the wallet.
    clock.set(new Date("2026-12-01T03:00:00Z"));
    const run = await collectDue(prisma, clock);
    expect(run.failed).toBe(0);
    const loan = await prisma.loan.findUniqueOrThrow({ where: { id: loanId! } });
    expect(loan.principalOutstandingFen).toBe(200_000n);
    expect(loan.status).toBe("ACTIVE");
    expect(await principalBalance(loanId!)).toBe(-200_000n);
    // Twice at the same moment collects nothing more.
    await collectDue(prisma, clock);
    expect((await prisma.loan.findUniqueOrThrow({ where: { id: loanId! } })).principalOutstandingFen).toBe(200_000n);
    expect(await verifyLedger(prisma)).toEqual([]);
  });

  it("early repayment pays penalty → interest → principal, a retry with the same key repays once, more than owed is a field error, and in full closes the loan", async () => {
    const clock = fixedClock("2026-11-01T02:00:00Z");
    const { merchant } = await tradingMerchant(clock);
    const { loanId } = await borrow(merchant.actor, { product: "CREDIT", amountFen: 200_000n, termMonths: 6, method: "INTEREST_FIRST" }, clock);
    clock.advance(15 * DAY);
    const key = randomUUID();
    const part = await inTransaction(prisma, (tx) => repayLoan(tx, merchant.actor, { loanId: loanId!, amountFen: 50_000n, idempotencyKey: key }, clock));
    expect(part.result.interestFen).toBeGreaterThan(0n);
    expect(part.result.principalFen + part.result.interestFen).toBe(50_000n);
    const afterPart = await prisma.loan.findUniqueOrThrow({ where: { id: loanId! } });
    expect(afterPart.interestDueFen).toBe(0n);
    expect(afterPart.principalOutstandingFen).toBe(200_000n - part.result.principalFen);
    const wallet = await walletBalance(merchant.id);
    const replay = await inTransaction(prisma, (tx) => repayLoan(tx, merchant.actor, { loanId: loanId!, amountFen: 50_000n, idempotencyKey: key }, clock));
    expect(replay.replayed).toBe(true);
    expect(await walletBalance(merchant.id)).toBe(wallet);

    await expect(inTransaction(prisma, (tx) => repayLoan(tx, merchant.actor, { loanId: loanId!, amountFen: 10_000_000n, idempotencyKey: randomUUID() }, clock))).rejects.toMatchObject({
      messageKey: "credit.errors.repay_too_much",
      fieldErrors: { amount: "credit.errors.repay_too_much" },
    });
    const full = await inTransaction(prisma, (tx) => repayLoan(tx, merchant.actor, { loanId: loanId!, amountFen: "FULL", idempotencyKey: randomUUID() }, clock));
    expect(full.result.status).toBe("REPAID");
    expect(await principalBalance(loanId!)).toBe(0n);
    await expect(inTransaction(prisma, (tx) => repayLoan(tx, merchant.actor, { loanId: loanId!, amountFen: 100n, idempotencyKey: randomUUID() }, clock))).rejects.toMatchObject({ messageKey: "credit.errors.loan_repaid" });
    expect(await verifyLedger(prisma)).toEqual([]);
  });

  it("an instalment the wallet cannot pay: the loan turns overdue, days past due grow into the buckets with penalty interest, and past 90 days it is non-performing", async () => {
    const clock = fixedClock("2026-11-01T02:00:00Z");
    const { merchant } = await tradingMerchant(clock);
    const { loanId } = await borrow(merchant.actor, { product: "CREDIT", amountFen: 300_000n, termMonths: 1, method: "INTEREST_FIRST" }, clock);
    // The merchant takes everything out.
    const balance = await walletBalance(merchant.id);
    await inTransaction(prisma, (tx) => withdraw(tx, merchant.actor, { amountFen: balance, bankAccount: BANK_ACCOUNT, idempotencyKey: randomUUID() }));
    clock.set(new Date("2026-12-01T03:00:00Z"));
    await collectDue(prisma, clock);
    clock.set(new Date("2026-12-02T03:00:00Z"));
    await collectDue(prisma, clock);
    let loan = await prisma.loan.findUniqueOrThrow({ where: { id: loanId! } });
    expect(loan.status).toBe("OVERDUE");
    expect(loan.dpd).toBe(1);
    expect(dpdBucket(loan.dpd)).toBe("DPD_1_30");

    clock.set(new Date("2027-03-05T03:00:00Z"));
    await accrueLoanInterest(prisma, clock);
    await collectDue(prisma, clock);
    loan = await prisma.loan.findUniqueOrThrow({ where: { id: loanId! } });
    expect(loan.dpd).toBeGreaterThan(90);
    expect(loan.penaltyAccruedFen).toBeGreaterThan(0n);
    const book = await portfolio(prisma, 90);
    expect(book.nonPerformingFen).toBe(300_000n);
    expect(book.nplRateBps).toBe(10_000);
    expect(book.buckets.find((b) => b.bucket === "DPD_90_PLUS")).toMatchObject({ loans: 1, outstandingFen: 300_000n });
    expect(book.outstandingFen).toBe(-(await principalBalance(loanId!)));
    expect(await verifyLedger(prisma)).toEqual([]);

    // Overdue: no offer for this merchant.
    await computeOffers(prisma, clock);
    const line = await prisma.creditLine.findUniqueOrThrow({ where: { merchantId: loan.merchantId } });
    expect(line.availableFen).toBe(0n);
  });

  it("maker-checker: an application above the threshold needs a second administrator; the one who proposed may not approve it", async () => {
    const clock = fixedClock("2026-11-01T02:00:00Z");
    const { merchant } = await tradingMerchant(clock);
    const a1 = await createUser("ADMIN", { adminRole: "RISK" });
    const a2 = await createUser("ADMIN", { adminRole: "SUPER_ADMIN" });
    // Review from ¥1,500, two administrators from ¥2,000.
    await inTransaction(prisma, async (tx) => {
      await updateSetting(tx, a2.actor, "credit.reviewAmountFen", 150_000);
      await updateSetting(tx, a2.actor, "credit.makerCheckerAmountFen", 200_000);
    });
    clearSettingsCache();
    const small = await borrow(merchant.actor, { product: "CREDIT", amountFen: 160_000n, termMonths: 3, method: "EQUAL_INSTALMENT" }, clock);
    expect(small.decision.status).toBe("REVIEW");
    expect((await inTransaction(prisma, (tx) => approveApplication(tx, a1.actor, { applicationId: small.decision.applicationId, note: "" }, clock))).status).toBe("APPROVED");
    const { decision } = await borrow(merchant.actor, { product: "CREDIT", amountFen: 250_000n, termMonths: 12, method: "EQUAL_INSTALMENT" }, clock);
    expect(decision.status).toBe("REVIEW");
    const first = await inTransaction(prisma, (tx) => approveApplication(tx, a1.actor, { applicationId: decision.applicationId, note: "流水稳定" }, clock));
    expect(first.status).toBe("PROPOSED");
    await expect(inTransaction(prisma, (tx) => approveApplication(tx, a1.actor, { applicationId: decision.applicationId, note: "" }, clock))).rejects.toMatchObject({ messageKey: "credit.errors.four_eyes" });
    expect((await prisma.loanApplication.findUniqueOrThrow({ where: { id: decision.applicationId } })).status).toBe("REVIEW");
    const second = await inTransaction(prisma, (tx) => approveApplication(tx, a2.actor, { applicationId: decision.applicationId, note: "同意" }, clock));
    expect(second.status).toBe("APPROVED");
    const audit = await prisma.auditLog.findMany({ where: { targetId: decision.applicationId }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["credit.review.propose", "credit.review.approve"]);
    expect(audit.map((a) => a.actorId)).toEqual([a1.id, a2.id]);
    // Merchants cannot approve anything.
    await expect(inTransaction(prisma, (tx) => approveApplication(tx, merchant.actor, { applicationId: decision.applicationId, note: "" }, clock))).rejects.toMatchObject({ code: "forbidden" });
  });

  it("no merchant sees or repays another's loan, and buyers are refused", async () => {
    const clock = fixedClock("2026-11-01T02:00:00Z");
    const { merchant } = await tradingMerchant(clock);
    const { loanId } = await borrow(merchant.actor, { product: "CREDIT", amountFen: 100_000n, termMonths: 1, method: "INTEREST_FIRST" }, clock);
    const other = await createUser("MERCHANT", { approved: true, balanceFen: 1_000_000n });
    const buyer = await createUser("BUYER", { balanceFen: 1_000_000n });
    await expect(getLoanForMerchantOrThrow(prisma, other.actor, loanId!)).rejects.toMatchObject({ code: "not_found" });
    await expect(inTransaction(prisma, (tx) => repayLoan(tx, other.actor, { loanId: loanId!, amountFen: 100n, idempotencyKey: randomUUID() }, clock))).rejects.toMatchObject({ code: "not_found" });
    await expect(inTransaction(prisma, (tx) => repayLoan(tx, buyer.actor, { loanId: loanId!, amountFen: 100n, idempotencyKey: randomUUID() }, clock))).rejects.toMatchObject({ code: "forbidden" });
    await expect(inTransaction(prisma, (tx) => applyForLoan(tx, buyer.actor, { product: "CREDIT", amountFen: 100_000n, termMonths: 1, method: "INTEREST_FIRST", idempotencyKey: randomUUID() }, clock))).rejects.toMatchObject({ code: "forbidden" });
    expect(await walletBalance(other.id)).toBe(1_000_000n);
  });

  it("a repayment racing a withdrawal of the same money: real concurrent transactions, the wallet pays once, never below zero", async () => {
    const clock = fixedClock("2026-11-01T02:00:00Z");
    const { merchant } = await tradingMerchant(clock);
    const { loanId } = await borrow(merchant.actor, { product: "CREDIT", amountFen: 200_000n, termMonths: 1, method: "INTEREST_FIRST" }, clock);
    // Leave exactly 150,000 fen in the wallet.
    const extra = (await walletBalance(merchant.id)) - 150_000n;
    await inTransaction(prisma, (tx) => withdraw(tx, merchant.actor, { amountFen: extra, bankAccount: BANK_ACCOUNT, idempotencyKey: randomUUID() }));
    for (let round = 0; round < 3; round++) {
      const results = await Promise.allSettled([
        inTransaction(prisma, (tx) => repayLoan(tx, merchant.actor, { loanId: loanId!, amountFen: 100_000n, idempotencyKey: randomUUID() }, clock)),
        inTransaction(prisma, (tx) => withdraw(tx, merchant.actor, { amountFen: 100_000n, bankAccount: BANK_ACCOUNT, idempotencyKey: randomUUID() })),
      ]);
      if (round === 0) expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(await walletBalance(merchant.id)).toBeGreaterThanOrEqual(0n);
    }
    const loan = await prisma.loan.findUniqueOrThrow({ where: { id: loanId! } });
    const repaid = 200_000n - loan.principalOutstandingFen;
    const withdrawn = await prisma.journal.count({ where: { kind: "WITHDRAWAL" } });
    expect(repaid === 100_000n || withdrawn >= 2).toBe(true);
    expect(await verifyLedger(prisma)).toEqual([]);
  });

  it("an early repayment racing the release of an order loan's order: real concurrent transactions, each fen paid once, the loans never over-repaid", async () => {
    const clock = fixedClock("2026-11-01T02:00:00Z");
    const { merchant, buyer } = await tradingMerchant(clock);
    const { loanId: creditLoan } = await borrow(merchant.actor, { product: "CREDIT", amountFen: 200_000n, termMonths: 3, method: "EQUAL_INSTALMENT" }, clock);
    // Leave the wallet nearly empty, so both the release and the repayment need the same money.
    const balance = await walletBalance(merchant.id);
    await inTransaction(prisma, (tx) => withdraw(tx, merchant.actor, { amountFen: balance - 5_000n, bankAccount: BANK_ACCOUNT, idempotencyKey: randomUUID() }));
    const { topUp } = await import("@/lib/bank/top-up");
    const { GOOD_CARD } = await import("@/tests/ledger-helpers");
    const { shippedOrder } = await import("@/tests/escrow-fixtures");
    const { confirmReceipt } = await import("@/lib/escrow/confirm-receipt");
    await inTransaction(prisma, (tx) => topUp(tx, buyer.actor, { amountFen: 100_000n, cardNumber: GOOD_CARD, idempotencyKey: randomUUID() }));
    const order = await shippedOrder(merchant.actor, buyer.actor, "800.00", clock);
    const { loanId: orderLoan } = await borrow(merchant.actor, { product: "ORDER", amountFen: 50_000n, orderId: order.id }, clock);
    clock.advance(2 * DAY);
    const results = await Promise.allSettled([
      inTransaction(prisma, (tx) => confirmReceipt(tx, buyer.actor, { orderId: order.id, idempotencyKey: randomUUID() }, clock)),
      inTransaction(prisma, (tx) => repayLoan(tx, merchant.actor, { loanId: creditLoan!, amountFen: 60_000n, idempotencyKey: randomUUID() }, clock)),
      inTransaction(prisma, (tx) => repayLoan(tx, merchant.actor, { loanId: orderLoan!, amountFen: "FULL", idempotencyKey: randomUUID() }, clock)),
    ]);
    expect(results[0].status).toBe("fulfilled");
    for (const r of results) if (r.status === "rejected") expect((r.reason as { code?: string }).code).toMatch(/insufficient_funds|invalid_transition|invalid_amount/);
    const loans = await prisma.loan.findMany({ where: { id: { in: [creditLoan!, orderLoan!] } } });
    for (const l of loans) expect(l.principalPaidFen + l.principalOutstandingFen).toBe(l.principalFen);
    // The order loan was repaid exactly once, by the release or by the merchant, never both.
    const orderRepayments = await prisma.loanRepayment.findMany({ where: { loanId: orderLoan! } });
    expect(orderRepayments.reduce((s, r) => s + r.principalFen, 0n)).toBe(50_000n);
    expect(await walletBalance(merchant.id)).toBeGreaterThanOrEqual(0n);
    expect(await verifyLedger(prisma)).toEqual([]);
  });
});
