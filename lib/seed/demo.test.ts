import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { withdraw } from "@/lib/bank/withdraw";
import { inTransaction } from "@/lib/db/transaction";
import { yieldSeries } from "@/lib/fund/overview";
import { userBalance } from "@/lib/ledger/accounts";
import { verifyLedger } from "@/lib/ledger/verify";
import { getMerchantForAdmin } from "@/lib/merchants/review/detail";
import { prisma, resetDatabase } from "@/tests/db";
import { DEMO_FUND_RATES, seedDemoData } from "./demo";
import { DEMO_CREDIT_ORDERS } from "./demo-credit";

describe("demo data", () => {
  beforeEach(resetDatabase);

  it("approved demo merchants went through onboarding: every check passes and they can withdraw to their settlement account", async () => {
    await seedDemoData(prisma);
    const admin = await prisma.user.findUniqueOrThrow({ where: { email: "admin@anxin.test" } });
    const shop = await prisma.user.findUniqueOrThrow({ where: { email: "shop1@anxin.test" }, include: { merchant: true } });
    const detail = await getMerchantForAdmin(prisma, { userId: admin.id, role: "ADMIN", adminRole: admin.adminRole }, shop.merchant!.id);
    expect(detail.checks.filter((c) => !c.ok && c.check !== "documents")).toEqual([]);
    // Each demo merchant has its own identity: the review page flags shared ones.
    expect(detail.matches).toEqual([]);
    const result = await inTransaction(prisma, (tx) =>
      withdraw(tx, { userId: shop.id, role: "MERCHANT" }, { amountFen: 10_000n, bankAccount: "ignored for merchants", idempotencyKey: randomUUID() }),
    );
    expect(result).toMatchObject({ balanceFen: 790_000n, accountLast4: "0015" });
    const newshop = await prisma.user.findUniqueOrThrow({ where: { email: "newshop@anxin.test" }, include: { merchant: true } });
    expect(newshop.merchant?.status).toBe("DRAFT");
    // The fund's rate history is seeded once, whatever the number of demo administrators.
    expect(await prisma.fundRate.count()).toBe(DEMO_FUND_RATES.length);
  });

  it("the fund has a rate history for its charts, buyer1 holds units subscribed from the wallet, and the ledger verifies", async () => {
    await seedDemoData(prisma);
    const buyer = await prisma.user.findUniqueOrThrow({ where: { email: "buyer1@anxin.test" } });
    expect([await userBalance(prisma, buyer.id), await userBalance(prisma, buyer.id, "FUND")]).toEqual([500_000n, 300_000n]);
    expect(await prisma.journal.count({ where: { kind: "FUND_SUBSCRIBE" } })).toBe(1);
    // 1.80% for the first days of the chart, then 1.75%: both show on a fresh start, in the 7-day figure too.
    const series = await yieldSeries(prisma, 90);
    expect(series.at(-1)).toMatchObject({ sevenDayBps: 175 });
    expect(new Set(series.map((p) => p.sevenDayBps))).toContain(180);
    expect(series.at(0)).toMatchObject({ sevenDayBps: 0 });
    expect(await verifyLedger(prisma)).toEqual([]);
  });

  it("shop3 has a year on the platform and 80 days of completed orders: the scorecard gives it an offer on a fresh start", async () => {
    await seedDemoData(prisma);
    const shop = await prisma.user.findUniqueOrThrow({ where: { email: "shop3@anxin.test" }, include: { merchant: true } });
    expect(await prisma.order.count({ where: { merchantId: shop.merchant!.id, status: "COMPLETED" } })).toBe(DEMO_CREDIT_ORDERS);
    const line = await prisma.creditLine.findUniqueOrThrow({ where: { merchantId: shop.merchant!.id } });
    expect(line.blockedReason).toBeNull();
    expect(line.availableFen).toBeGreaterThan(100_000n);
    // And a ¥1,000 loan taken through the real application, paid into its wallet.
    const loan = await prisma.loan.findFirstOrThrow({ where: { userId: shop.id } });
    expect(loan).toMatchObject({ principalFen: 100_000n, status: "ACTIVE", termMonths: 3 });
    expect(await userBalance(prisma, shop.id)).toBeGreaterThanOrEqual(100_000n);
    const buyer = await prisma.user.findUniqueOrThrow({ where: { email: "buyer3@anxin.test" } });
    expect(await userBalance(prisma, buyer.id)).toBe(300_000n);
    expect(await verifyLedger(prisma)).toEqual([]);
  });
});
