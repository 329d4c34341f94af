import { beforeEach, describe, expect, it } from "vitest";
import { inTransaction } from "@/lib/db/transaction";
import { DAY, fixedClock } from "@/lib/time/clock";
import { prisma, resetDatabase } from "@/tests/db";
import { key, newOrder, paidOrder, shippedOrder } from "@/tests/escrow-fixtures";
import { createUser } from "@/tests/fixtures";
import { confirmReceipt } from "./confirm-receipt";
import { merchantDashboard, releaseCalendar, shanghaiMidnight } from "./dashboard";
import { extendAutoConfirm } from "./extend";
import { refundOrder } from "./refund";

describe("merchant dashboard and release calendar", () => {
  beforeEach(resetDatabase);

  it("midnight is taken in Asia/Shanghai", () => {
    expect(shanghaiMidnight(new Date("2026-11-23T15:59:00Z")).toISOString()).toBe("2026-11-22T16:00:00.000Z");
    expect(shanghaiMidnight(new Date("2026-11-23T16:00:00Z")).toISOString()).toBe("2026-11-23T16:00:00.000Z");
  });

  it("adds up sales by period, status counts, escrow held, balances and the refund rate; another merchant sees none of it", async () => {
    const clock = fixedClock("2026-11-23T04:00:00Z"); // 12:00 in Shanghai
    const merchant = await createUser("MERCHANT", { approved: true });
    const other = await createUser("MERCHANT", { approved: true });
    const buyer = await createUser("BUYER", { balanceFen: 1_000_000n });
    const old = fixedClock("2026-11-18T04:00:00Z");
    await paidOrder(merchant.actor, buyer.actor, "100.00", old); // 5 days ago
    const shipped = await shippedOrder(merchant.actor, buyer.actor, "200.00", clock);
    await inTransaction(prisma, (tx) => refundOrder(tx, merchant.actor, { orderId: shipped.id, amountFen: 5_000n, idempotencyKey: key() }, clock));
    const done = await shippedOrder(merchant.actor, buyer.actor, "50.00", clock);
    await inTransaction(prisma, (tx) => confirmReceipt(tx, buyer.actor, { orderId: done.id, idempotencyKey: key() }, clock));
    await newOrder(merchant.actor, "10.00", 1, "0", clock);
    await paidOrder(other.actor, buyer.actor, "999.00", clock);

    const d = await merchantDashboard(prisma, merchant.actor, clock);
    expect(d.salesTodayFen).toBe(25_000n);
    expect(d.sales7dFen).toBe(35_000n);
    expect(d.sales30dFen).toBe(35_000n);
    expect(d.refundRateBps).toBe(1428); // ¥50 of ¥350
    expect(d.byStatus).toEqual({ PAID: 1, SHIPPED: 1, COMPLETED: 1, CREATED: 1 });
    expect(d.heldFen).toBe(10_000n + 15_000n);
    expect(d.availableFen).toBe(4_703n); // ¥50 at MEDIUM: fee 50, reserve 247, net 4703
    expect(d.reserveFen).toBe(247n);
    expect(d.series).toHaveLength(30);
    expect(d.series.at(-1)).toEqual({ day: "2026-11-23", totalFen: 25_000n, orders: 2 });
    expect(d.series.find((p) => p.day === "2026-11-18")?.totalFen).toBe(10_000n);
    const otherView = await merchantDashboard(prisma, other.actor, clock);
    expect(otherView.sales30dFen).toBe(99_900n);
  });

  it("the calendar shows what each day releases if buyers do nothing, following extensions", async () => {
    const clock = fixedClock("2026-11-01T04:00:00Z");
    const merchant = await createUser("MERCHANT", { approved: true });
    const buyer = await createUser("BUYER", { balanceFen: 1_000_000n });
    const a = await shippedOrder(merchant.actor, buyer.actor, "100.00", clock);
    await shippedOrder(merchant.actor, buyer.actor, "30.00", clock);
    clock.advance(DAY);
    await shippedOrder(merchant.actor, buyer.actor, "70.00", clock);
    await inTransaction(prisma, (tx) => extendAutoConfirm(tx, buyer.actor, a.id, clock));
    const calendar = await releaseCalendar(prisma, merchant.actor, clock);
    const on = (day: string) => calendar.days.find((d) => d.day === day)?.amountFen;
    expect(on("2026-11-11")).toBe(3_000n);
    expect(on("2026-11-12")).toBe(7_000n);
    expect(on("2026-11-14")).toBe(10_000n);
    expect(calendar.orders.find((o) => o.id === a.id)?.extended).toBe(true);
  });
});
