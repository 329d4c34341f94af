import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { inTransaction } from "@/lib/db/transaction";
import { merchantAccept } from "@/lib/disputes/respond";
import { openDispute } from "@/lib/disputes/open";
import { cancelOrder, refundOrder } from "@/lib/escrow/refund";
import { addDays, platformDayOf } from "@/lib/time/platform-day";
import { prisma, resetDatabase } from "@/tests/db";
import { completedOrder, key, paidOrder, shippedOrder } from "@/tests/escrow-fixtures";
import { createUser } from "@/tests/fixtures";
import { seedDemoData } from "@/lib/seed/demo";
import { platformFigures } from "./platform-figures";

/** A day's history with every kind of order money: completed, refunded in part, cancelled, disputed and accepted, open. */
async function history() {
  const merchant = await createUser("MERCHANT", { approved: true });
  const buyer = await createUser("BUYER", { balanceFen: 1_000_000n });
  const admin = await createUser("ADMIN");
  await completedOrder(merchant.actor, buyer.actor, "100.00");
  await completedOrder(merchant.actor, buyer.actor, "38.80");
  const partly = await shippedOrder(merchant.actor, buyer.actor, "250.00");
  await inTransaction(prisma, (tx) => refundOrder(tx, merchant.actor, { orderId: partly.id, amountFen: 5_000n, idempotencyKey: key() }));
  const cancelled = await paidOrder(merchant.actor, buyer.actor, "66.00");
  await inTransaction(prisma, (tx) => cancelOrder(tx, buyer.actor, { orderId: cancelled.id, idempotencyKey: key() }));
  const disputed = await shippedOrder(merchant.actor, buyer.actor, "120.00");
  const dispute = await inTransaction(prisma, (tx) =>
    openDispute(tx, buyer.actor, { orderId: disputed.id, reason: "DAMAGED", claimedFen: 3_000n, description: "盒子压坏了" }),
  );
  await inTransaction(prisma, (tx) => merchantAccept(tx, merchant.actor, { disputeId: dispute.id, idempotencyKey: randomUUID() }));
  await paidOrder(merchant.actor, buyer.actor, "9.99");
  return { merchant, buyer, admin };
}

describe("platform overview figures", () => {
  beforeEach(resetDatabase);

  it("tie to the orders and to the ledger accounts for the day they happened on", async () => {
    const { admin } = await history();
    const today = platformDayOf(new Date());
    const figures = await platformFigures(prisma, admin.actor, { from: addDays(today, -6), to: today });
    expect(figures.days).toHaveLength(7);
    expect(figures.days.at(-1)!.day).toBe(today);

    // Independent sums over the orders table.
    const orders = await prisma.order.findMany();
    const paid = orders.filter((o) => o.paidAt);
    const sum = (xs: bigint[]) => xs.reduce((a, b) => a + b, 0n);
    expect(figures.totals.gmvFen).toBe(sum(paid.map((o) => o.totalFen)));
    expect(figures.totals.ordersPaid).toBe(paid.length);
    expect(figures.totals.ordersCreated).toBe(orders.length);
    expect(figures.totals.refundsFen).toBe(sum(orders.map((o) => o.refundedFen + o.claimedFen)));
    expect(figures.totals.releasedFen).toBe(sum(orders.map((o) => (o.feeFen ?? 0n) + (o.reserveFen ?? 0n) + (o.netFen ?? 0n))));
    expect(figures.totals.feesFen).toBe(sum(orders.map((o) => o.feeFen ?? 0n)));
    expect(figures.totals.disputesOpened).toBe(await prisma.dispute.count());
    expect(figures.disputeRateBps).toBe(Math.round((1 * 10_000) / paid.length));

    // And to the accounts: everything happened in the range, so the range's movements are the balances.
    const balance = async (type: "ESCROW" | "PLATFORM_FEE") =>
      (await prisma.ledgerAccount.aggregate({ where: { type }, _sum: { balance: true } }))._sum.balance ?? 0n;
    expect(figures.now.feeAccountFen).toBe(figures.totals.feesFen);
    expect(figures.now.escrowHeldFen).toBe(await balance("ESCROW"));
    expect(figures.now.escrowHeldFen).toBe(figures.totals.gmvFen - figures.totals.refundsFen - figures.totals.releasedFen + sum(orders.map((o) => o.claimedFen)));
    expect(figures.now.disputesOpen).toBe(0);
    // The day's figures are the totals: nothing falls outside today.
    const { day: _day, ...todays } = figures.days.at(-1)!;
    expect(todays).toEqual(figures.totals);
  });

  it("a range before anything happened is all zeros, not the current figures", async () => {
    const { admin } = await history();
    const today = platformDayOf(new Date());
    const figures = await platformFigures(prisma, admin.actor, { from: addDays(today, -30), to: addDays(today, -1) });
    expect(figures.totals).toEqual({ gmvFen: 0n, ordersPaid: 0, releasedFen: 0n, feesFen: 0n, refundsFen: 0n, fundYieldFen: 0n, ordersCreated: 0, disputesOpened: 0 });
    expect(figures.disputeRateBps).toBeNull();
    expect(figures.now.escrowHeldFen).toBeGreaterThan(0n);
  });

  it("is for administrators only, and refuses a reversed or over-long range", async () => {
    const { merchant, buyer, admin } = await history();
    const today = platformDayOf(new Date());
    await expect(platformFigures(prisma, merchant.actor, { from: today, to: today })).rejects.toMatchObject({ code: "forbidden" });
    await expect(platformFigures(prisma, buyer.actor, { from: today, to: today })).rejects.toMatchObject({ code: "forbidden" });
    await expect(platformFigures(prisma, admin.actor, { from: today, to: addDays(today, -1) })).rejects.toThrow(RangeError);
    await expect(platformFigures(prisma, admin.actor, { from: addDays(today, -366), to: today })).rejects.toThrow(RangeError);
  });

  it("on the demo data, the last 30 days tie to the orders, the fee account and the escrow accounts", async () => {
    await seedDemoData(prisma);
    const demo = async (email: string) => {
      const user = await prisma.user.findUniqueOrThrow({ where: { email } });
      return { userId: user.id, role: user.role, adminRole: user.adminRole };
    };
    // The demo seed has accounts and balances but no orders: trade on it as its users would.
    const [shop, buyer, admin] = [await demo("shop1@anxin.test"), await demo("buyer1@anxin.test"), await demo("admin@anxin.test")];
    await completedOrder(shop, buyer, "88.00");
    const refunded = await shippedOrder(shop, buyer, "120.00");
    await inTransaction(prisma, (tx) => refundOrder(tx, shop, { orderId: refunded.id, amountFen: 2_000n, idempotencyKey: key() }));
    const today = platformDayOf(new Date());
    const figures = await platformFigures(prisma, admin, { from: addDays(today, -29), to: today });
    const [orders] = await prisma.$queryRaw<{ paid: bigint; n: number; back: bigint }[]>`
      SELECT COALESCE(SUM(total_fen) FILTER (WHERE paid_at IS NOT NULL), 0)::bigint AS paid,
             (COUNT(*) FILTER (WHERE paid_at IS NOT NULL))::int AS n,
             COALESCE(SUM(refunded_fen + claimed_fen), 0)::bigint AS back FROM orders`;
    expect(figures.totals.ordersPaid).toBeGreaterThan(0);
    expect(figures.totals.gmvFen).toBe(orders.paid);
    expect(figures.totals.ordersPaid).toBe(orders.n);
    expect(figures.totals.refundsFen).toBe(orders.back);
    expect(figures.totals.feesFen).toBe(figures.now.feeAccountFen);
    const escrow = await prisma.ledgerAccount.aggregate({ where: { type: "ESCROW" }, _sum: { balance: true } });
    expect(figures.now.escrowHeldFen).toBe(escrow._sum.balance ?? 0n);
  });
});
