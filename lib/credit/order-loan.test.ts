import { beforeEach, describe, expect, it } from "vitest";
import { openDispute } from "@/lib/disputes/open";
import { confirmReceipt } from "@/lib/escrow/confirm-receipt";
import { inTransaction } from "@/lib/db/transaction";
import { verifyLedger } from "@/lib/ledger/verify";
import { DAY, fixedClock } from "@/lib/time/clock";
import { borrow, tradingMerchant } from "@/tests/credit-fixtures";
import { prisma, resetDatabase } from "@/tests/db";
import { key, shippedOrder } from "@/tests/escrow-fixtures";
import { GOOD_CARD, walletBalance } from "@/tests/ledger-helpers";
import { topUp } from "@/lib/bank/top-up";
import { collectDue } from "./collect";
import { quoteOrderLoan } from "./order-loan";

describe("order loans", () => {
  beforeEach(resetDatabase);

  it("lends up to 80% of a shipped order's net and is repaid out of that order's release before the merchant is credited", async () => {
    const clock = fixedClock("2026-11-01T02:00:00Z");
    const { merchant, buyer } = await tradingMerchant(clock);
    await inTransaction(prisma, (tx) => topUp(tx, buyer.actor, { amountFen: 100_000n, cardNumber: GOOD_CARD, idempotencyKey: key() }));
    const order = await shippedOrder(merchant.actor, buyer.actor, "1000.00", clock);
    const quote = await quoteOrderLoan(prisma, merchant.actor, order.id, 8_000);
    expect(quote.maxFen).toBe(((quote.netFen * 8_000n) / 10_000n / 100n) * 100n);
    expect(await borrow(merchant.actor, { product: "ORDER", amountFen: quote.maxFen + 100n, orderId: order.id }, clock).catch((e) => e)).toMatchObject({ messageKey: "credit.errors.amount_max" });
    const before = await walletBalance(merchant.id);
    const { loanId, decision } = await borrow(merchant.actor, { product: "ORDER", amountFen: 50_000n, orderId: order.id }, clock);
    expect(decision.status).toBe("APPROVED");
    expect(await walletBalance(merchant.id)).toBe(before + 50_000n);
    // A second loan on the same order is refused.
    await expect(quoteOrderLoan(prisma, merchant.actor, order.id, 8_000)).rejects.toMatchObject({ messageKey: "credit.errors.order_not_eligible" });

    clock.advance(3 * DAY);
    await inTransaction(prisma, (tx) => confirmReceipt(tx, buyer.actor, { orderId: order.id, idempotencyKey: key() }, clock));
    const loan = await prisma.loan.findUniqueOrThrow({ where: { id: loanId! } });
    expect(loan.status).toBe("REPAID");
    expect(loan.principalPaidFen).toBe(50_000n);
    // 3 days at 0.05% on ¥500 = ¥0.75 of interest.
    expect(loan.interestPaidFen).toBe(75n);
    const release = await prisma.journal.findFirstOrThrow({ where: { orderId: order.id, kind: "ESCROW_RELEASE" } });
    // The release credits the net, and in the same statement the loan takes its 50,075 fen back in its own journal.
    const walletPostings = await prisma.posting.findMany({ where: { journalId: release.id, account: { userId: merchant.id, type: "WALLET" } } });
    expect(walletPostings.reduce((s, p) => s + p.amount, 0n)).toBe(quote.netFen);
    const repayment = await prisma.journal.findFirstOrThrow({ where: { loanId: loanId!, kind: "LOAN_REPAYMENT" }, include: { postings: { include: { account: true } } } });
    expect(repayment.postings.find((p) => p.account.type === "WALLET")?.amount).toBe(-50_075n);
    expect(await walletBalance(merchant.id)).toBe(before + 50_000n + quote.netFen - 50_075n);
    expect(await verifyLedger(prisma)).toEqual([]);
  });

  it("an order loan whose order is disputed stays, falls due after the fallback days and is collected from the wallet like any instalment", async () => {
    const clock = fixedClock("2026-11-01T02:00:00Z");
    const { merchant, buyer } = await tradingMerchant(clock);
    await inTransaction(prisma, (tx) => topUp(tx, buyer.actor, { amountFen: 100_000n, cardNumber: GOOD_CARD, idempotencyKey: key() }));
    const order = await shippedOrder(merchant.actor, buyer.actor, "1000.00", clock);
    const { loanId } = await borrow(merchant.actor, { product: "ORDER", amountFen: 40_000n, orderId: order.id }, clock);
    clock.advance(DAY);
    await inTransaction(prisma, (tx) => openDispute(tx, buyer.actor, { orderId: order.id, reason: "DAMAGED", claimedFen: 100_000n, description: "包裹破损，内容缺失" }, clock));
    await collectDue(prisma, clock);
    const instalment = await prisma.loanInstalment.findFirstOrThrow({ where: { loanId: loanId! } });
    expect(instalment.dueDay?.toISOString().slice(0, 10)).toBe("2026-11-09");
    expect((await prisma.loan.findUniqueOrThrow({ where: { id: loanId! } })).status).not.toBe("REPAID");

    clock.set(new Date("2026-11-09T03:00:00Z"));
    await collectDue(prisma, clock);
    const loan = await prisma.loan.findUniqueOrThrow({ where: { id: loanId! } });
    expect(loan.status).toBe("REPAID");
    expect(loan.principalPaidFen).toBe(40_000n);
    expect(await verifyLedger(prisma)).toEqual([]);
  });
});
