import { beforeEach, describe, expect, it } from "vitest";
import { inTransaction } from "@/lib/db/transaction";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { userBalance } from "@/lib/ledger/accounts";
import { verifyLedger } from "@/lib/ledger/verify";
import { DAY, fixedClock } from "@/lib/time/clock";
import { prisma, resetDatabase } from "@/tests/db";
import { key, newOrder, paidOrder, shippedOrder } from "@/tests/escrow-fixtures";
import { createUser } from "@/tests/fixtures";
import { autoConfirmDue, confirmReceipt } from "./confirm-receipt";
import { extendAutoConfirm } from "./extend";
import { getOrderByPayToken, getOrderForBuyerOrThrow, getOrderForMerchantOrThrow } from "./lookup";
import { payOrder } from "./pay";
import { cancelOrder, expireUnpaidOrders, refundOrder } from "./refund";
import { releaseDueReserves } from "./reserve";
import { shipOrder } from "./ship";
import { orderStates } from "./states";

async function parties(buyerYuan = 1_000n) {
  const merchant = await createUser("MERCHANT", { approved: true });
  const buyer = await createUser("BUYER", { balanceFen: buyerYuan * 100n });
  return { merchant, buyer };
}
const statusOf = async (id: string) => (await prisma.order.findUniqueOrThrow({ where: { id } })).status;

describe("order state machine", () => {
  const ALL: OrderStatus[] = ["CREATED", "PAID", "SHIPPED", "DISPUTED", "COMPLETED", "CANCELLED", "REFUNDED"];
  const ALLOWED = new Set([
    "CREATED>PAID", "CREATED>CANCELLED", "PAID>SHIPPED", "PAID>CANCELLED", "PAID>REFUNDED", "PAID>DISPUTED",
    "SHIPPED>COMPLETED", "SHIPPED>REFUNDED", "SHIPPED>DISPUTED", "DISPUTED>PAID", "DISPUTED>SHIPPED", "DISPUTED>COMPLETED", "DISPUTED>REFUNDED",
  ]);
  it("allows exactly the listed transitions and refuses every other one", () => {
    for (const from of ALL) for (const to of ALL) expect(orderStates.can(from, to), `${from}→${to}`).toBe(ALLOWED.has(`${from}>${to}`));
    expect(() => orderStates.assert("COMPLETED", "REFUNDED")).toThrow(expect.objectContaining({ code: "invalid_transition" }));
  });
});

describe("escrow lifecycle", () => {
  beforeEach(resetDatabase);

  it("computes totals on the server and numbers orders from a sequence", async () => {
    const { merchant } = await parties();
    const a = await newOrder(merchant.actor, "12.50", 3, "8");
    const b = await newOrder(merchant.actor, "1", 1);
    expect(a).toMatchObject({ subtotalFen: 3_750n, shippingFen: 800n, totalFen: 4_550n, status: "CREATED" });
    expect(a.orderNo).toMatch(/^\d{8}\d{8}$/);
    expect(BigInt(b.orderNo.slice(8))).toBe(BigInt(a.orderNo.slice(8)) + 1n);
    expect(a.payToken.length).toBeGreaterThanOrEqual(32);
  });

  it("only approved merchants create orders, with valid lines", async () => {
    const draft = await createUser("MERCHANT");
    await expect(newOrder(draft.actor)).rejects.toMatchObject({ code: "merchant_not_approved" });
    const { merchant, buyer } = await parties();
    await expect(newOrder(merchant.actor, "-1")).rejects.toThrow();
    await expect(newOrder(merchant.actor, "1.001")).rejects.toThrow();
    await expect(newOrder(buyer.actor)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("pay, ship, confirm: the merchant receives exactly total − fee, split into wallet and reserve", async () => {
    const { merchant, buyer } = await parties();
    const order = await shippedOrder(merchant.actor, buyer.actor, "200.00");
    expect(await userBalance(prisma, buyer.id)).toBe(80_000n);
    const result = await inTransaction(prisma, (tx) => confirmReceipt(tx, buyer.actor, { orderId: order.id, idempotencyKey: key() }));
    // MEDIUM risk: fee 1.00% = ¥2.00; reserve 5% of ¥198.00 = ¥9.90; net ¥188.10.
    expect(result.result).toMatchObject({ fee: 200n, reserve: 990n, net: 18_810n });
    expect(await userBalance(prisma, merchant.id)).toBe(18_810n);
    expect(await userBalance(prisma, merchant.id, "RESERVE")).toBe(990n);
    expect(await statusOf(order.id)).toBe("COMPLETED");
    expect(await verifyLedger(prisma)).toEqual([]);
    const events = await prisma.orderEvent.findMany({ where: { orderId: order.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.type)).toEqual(["created", "paid", "shipped", "confirmed"]);
  });

  it("a paid link cannot be paid again, and an expired one cannot be paid at all", async () => {
    const clock = fixedClock("2026-11-23T02:00:00Z");
    const { merchant, buyer } = await parties();
    const other = await createUser("BUYER", { balanceFen: 100_000n });
    const order = await paidOrder(merchant.actor, buyer.actor, "100.00", clock);
    await expect(inTransaction(prisma, (tx) => payOrder(tx, buyer.actor, { token: order.payToken, idempotencyKey: key() }, clock))).rejects.toMatchObject({ messageKey: "errors.order_already_paid" });
    await expect(inTransaction(prisma, (tx) => payOrder(tx, other.actor, { token: order.payToken, idempotencyKey: key() }, clock))).rejects.toMatchObject({ code: "not_found" });
    const late = await newOrder(merchant.actor, "10", 1, "0", clock);
    clock.advance(25 * 3_600_000);
    await expect(inTransaction(prisma, (tx) => payOrder(tx, buyer.actor, { token: late.payToken, idempotencyKey: key() }, clock))).rejects.toMatchObject({ messageKey: "errors.order_expired" });
    expect(await expireUnpaidOrders(prisma, clock)).toMatchObject({ due: 1, done: 1, failed: 0 });
    expect(await expireUnpaidOrders(prisma, clock)).toMatchObject({ due: 0, done: 0 });
    expect(await statusOf(late.id)).toBe("CANCELLED");
  });

  it("a buyer with too little balance cannot pay, and nothing changes", async () => {
    const { merchant } = await parties();
    const poor = await createUser("BUYER", { balanceFen: 500n });
    const order = await newOrder(merchant.actor, "10.00");
    await expect(inTransaction(prisma, (tx) => payOrder(tx, poor.actor, { token: order.payToken, idempotencyKey: key() }))).rejects.toMatchObject({ code: "insufficient_funds" });
    expect(await statusOf(order.id)).toBe("CREATED");
    expect(await userBalance(prisma, poor.id)).toBe(500n);
  });

  it("paying twice with one idempotency key moves the money once", async () => {
    const { merchant, buyer } = await parties();
    const order = await newOrder(merchant.actor, "30.00");
    const k = key();
    const results = await Promise.all(Array.from({ length: 5 }, () => inTransaction(prisma, (tx) => payOrder(tx, buyer.actor, { token: order.payToken, idempotencyKey: k }))));
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await userBalance(prisma, buyer.id)).toBe(97_000n);
  });

  it("confirm, cancel and refund retried with their idempotency key move money once", async () => {
    const { merchant, buyer } = await parties();
    const shipped = await shippedOrder(merchant.actor, buyer.actor, "100.00");
    const refundKey = key();
    const refunds = await Promise.all(
      [1, 2, 3].map(() => inTransaction(prisma, (tx) => refundOrder(tx, merchant.actor, { orderId: shipped.id, amountFen: 1_000n, idempotencyKey: refundKey }))),
    );
    expect(refunds.filter((r) => !r.replayed)).toHaveLength(1);
    expect((await prisma.order.findUniqueOrThrow({ where: { id: shipped.id } })).refundedFen).toBe(1_000n);
    const confirmKey = key();
    const confirms = await Promise.all(
      [1, 2, 3].map(() => inTransaction(prisma, (tx) => confirmReceipt(tx, buyer.actor, { orderId: shipped.id, idempotencyKey: confirmKey }))),
    );
    expect(confirms.filter((r) => !r.replayed)).toHaveLength(1);
    expect(new Set(confirms.map((r) => r.result.net))).toEqual(new Set([8_465n]));
    expect(await prisma.journal.count({ where: { kind: "ESCROW_RELEASE" } })).toBe(1);

    const paid = await paidOrder(merchant.actor, buyer.actor, "50.00");
    const cancelKey = key();
    const before = await userBalance(prisma, buyer.id);
    const cancels = await Promise.all(
      [1, 2].map(() => inTransaction(prisma, (tx) => cancelOrder(tx, buyer.actor, { orderId: paid.id, idempotencyKey: cancelKey }))),
    );
    expect(cancels.filter((r) => !r.replayed)).toHaveLength(1);
    expect((await userBalance(prisma, buyer.id)) - before).toBe(5_000n);
    expect(await verifyLedger(prisma)).toEqual([]);
  });

  it("the buyer cancels before shipping for a full refund; not after shipping", async () => {
    const { merchant, buyer } = await parties();
    const order = await paidOrder(merchant.actor, buyer.actor, "50.00");
    await inTransaction(prisma, (tx) => cancelOrder(tx, buyer.actor, { orderId: order.id, idempotencyKey: key() }));
    expect(await statusOf(order.id)).toBe("CANCELLED");
    expect(await userBalance(prisma, buyer.id)).toBe(100_000n);
    const shipped = await shippedOrder(merchant.actor, buyer.actor, "50.00");
    await expect(inTransaction(prisma, (tx) => cancelOrder(tx, buyer.actor, { orderId: shipped.id, idempotencyKey: key() }))).rejects.toMatchObject({ messageKey: "errors.cannot_cancel" });
    expect(await verifyLedger(prisma)).toEqual([]);
  });

  it("partial refunds reduce what is released and what the fee is taken on; a full refund closes the order", async () => {
    const { merchant, buyer } = await parties();
    const order = await shippedOrder(merchant.actor, buyer.actor, "100.00");
    await inTransaction(prisma, (tx) => refundOrder(tx, merchant.actor, { orderId: order.id, amountFen: 3_000n, idempotencyKey: key() }));
    await expect(inTransaction(prisma, (tx) => refundOrder(tx, merchant.actor, { orderId: order.id, amountFen: 7_001n, idempotencyKey: key() }))).rejects.toMatchObject({ messageKey: "errors.refund_too_much" });
    const released = await inTransaction(prisma, (tx) => confirmReceipt(tx, buyer.actor, { orderId: order.id, idempotencyKey: key() }));
    // ¥70.00 released at MEDIUM: fee ¥0.70, reserve 5% of ¥69.30 = ¥3.46 (3.465 rounded down), net ¥65.84.
    expect(released.result).toMatchObject({ fee: 70n, reserve: 346n, net: 6_584n });
    expect(await userBalance(prisma, buyer.id)).toBe(93_000n);
    const full = await shippedOrder(merchant.actor, buyer.actor, "20.00");
    await inTransaction(prisma, (tx) => refundOrder(tx, merchant.actor, { orderId: full.id, amountFen: 2_000n, idempotencyKey: key() }));
    expect(await statusOf(full.id)).toBe("REFUNDED");
    expect(await verifyLedger(prisma)).toEqual([]);
  });

  it("auto-confirms after the set days, once the buyer's single extension has passed too", async () => {
    const clock = fixedClock("2026-11-01T00:00:00Z");
    const { merchant, buyer } = await parties();
    const order = await shippedOrder(merchant.actor, buyer.actor, "100.00", clock);
    clock.advance(9 * DAY);
    await inTransaction(prisma, (tx) => extendAutoConfirm(tx, buyer.actor, order.id, clock));
    await expect(inTransaction(prisma, (tx) => extendAutoConfirm(tx, buyer.actor, order.id, clock))).rejects.toMatchObject({ messageKey: "errors.already_extended" });
    clock.advance(2 * DAY); // day 11: the original deadline has passed, the extended one (day 13) has not
    expect(await autoConfirmDue(prisma, clock)).toMatchObject({ due: 0, done: 0 });
    clock.advance(2 * DAY);
    expect(await autoConfirmDue(prisma, clock)).toMatchObject({ due: 1, done: 1, failed: 0 });
    expect(await autoConfirmDue(prisma, clock)).toMatchObject({ due: 0, done: 0 });
    expect(await statusOf(order.id)).toBe("COMPLETED");
    expect(await userBalance(prisma, merchant.id)).toBe(9_405n);
  });

  it("releases the reserve after the reserve period; a job run twice releases once", async () => {
    const clock = fixedClock("2026-11-01T00:00:00Z");
    const { merchant, buyer } = await parties();
    const order = await shippedOrder(merchant.actor, buyer.actor, "100.00", clock);
    await inTransaction(prisma, (tx) => confirmReceipt(tx, buyer.actor, { orderId: order.id, idempotencyKey: key() }, clock));
    clock.advance(29 * DAY);
    expect(await releaseDueReserves(prisma, clock)).toMatchObject({ due: 0, done: 0 });
    clock.advance(1 * DAY);
    const [a, b] = await Promise.all([releaseDueReserves(prisma, clock), releaseDueReserves(prisma, clock)]);
    expect(a.done + b.done).toBe(1);
    expect(await userBalance(prisma, merchant.id, "RESERVE")).toBe(0n);
    expect(await userBalance(prisma, merchant.id)).toBe(9_900n);
    expect(await verifyLedger(prisma)).toEqual([]);
  });
});

describe("escrow races", () => {
  beforeEach(resetDatabase);

  it("a buyer's confirm and the auto-confirm job at the same moment release once", async () => {
    const clock = fixedClock("2026-11-01T00:00:00Z");
    const { merchant, buyer } = await parties();
    const orders = await Promise.all(Array.from({ length: 5 }, () => shippedOrder(merchant.actor, buyer.actor, "10.00", clock)));
    clock.advance(11 * DAY);
    const results = await Promise.allSettled([
      autoConfirmDue(prisma, clock),
      ...orders.map((o) => inTransaction(prisma, (tx) => confirmReceipt(tx, buyer.actor, { orderId: o.id, idempotencyKey: key() }, clock))),
    ]);
    const confirmed = results.slice(1).filter((r) => r.status === "fulfilled").length;
    const job = results[0].status === "fulfilled" ? results[0].value.done : 0;
    expect(confirmed + job).toBe(5);
    for (const r of results.slice(1)) if (r.status === "rejected") expect(r.reason.code).toBe("invalid_transition");
    expect(await prisma.journal.count({ where: { kind: "ESCROW_RELEASE" } })).toBe(5);
    expect(await userBalance(prisma, merchant.id)).toBe(5n * 941n);
    expect(await verifyLedger(prisma)).toEqual([]);
  });

  it("a full refund racing a confirm: exactly one wins, the other gets a clear error", async () => {
    const { merchant, buyer } = await parties();
    for (let i = 0; i < 5; i++) {
      const order = await shippedOrder(merchant.actor, buyer.actor, "10.00");
      const [confirm, refund] = await Promise.allSettled([
        inTransaction(prisma, (tx) => confirmReceipt(tx, buyer.actor, { orderId: order.id, idempotencyKey: key() })),
        inTransaction(prisma, (tx) => refundOrder(tx, merchant.actor, { orderId: order.id, amountFen: 1_000n, idempotencyKey: key() })),
      ]);
      expect([confirm.status, refund.status].sort()).toEqual(["fulfilled", "rejected"]);
      const loser = (confirm.status === "rejected" ? confirm : refund) as PromiseRejectedResult;
      expect(loser.reason.code).toBe("invalid_transition");
      expect(["COMPLETED", "REFUNDED"]).toContain(await statusOf(order.id));
    }
    expect(await verifyLedger(prisma)).toEqual([]);
  });
});

describe("escrow isolation", () => {
  beforeEach(resetDatabase);

  it("another merchant and another buyer get not_found for every read and action", async () => {
    const { merchant, buyer } = await parties();
    const otherMerchant = await createUser("MERCHANT", { approved: true });
    const otherBuyer = await createUser("BUYER", { balanceFen: 100_000n });
    const order = await shippedOrder(merchant.actor, buyer.actor, "10.00");
    await expect(getOrderForMerchantOrThrow(prisma, otherMerchant.actor, order.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(getOrderForBuyerOrThrow(prisma, otherBuyer.actor, order.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(getOrderByPayToken(prisma, otherBuyer.actor, order.payToken)).rejects.toMatchObject({ code: "not_found" });
    await expect(inTransaction(prisma, (tx) => refundOrder(tx, otherMerchant.actor, { orderId: order.id, amountFen: 100n, idempotencyKey: key() }))).rejects.toMatchObject({ code: "not_found" });
    await expect(inTransaction(prisma, (tx) => shipOrder(tx, otherMerchant.actor, order.id, { carrier: "SF", trackingNo: "SF0000000000" }))).rejects.toMatchObject({ code: "not_found" });
    await expect(inTransaction(prisma, (tx) => confirmReceipt(tx, otherBuyer.actor, { orderId: order.id, idempotencyKey: key() }))).rejects.toMatchObject({ code: "not_found" });
    await expect(inTransaction(prisma, (tx) => extendAutoConfirm(tx, otherBuyer.actor, order.id))).rejects.toMatchObject({ code: "not_found" });
    await expect(inTransaction(prisma, (tx) => cancelOrder(tx, otherBuyer.actor, { orderId: order.id, idempotencyKey: key() }))).rejects.toMatchObject({ code: "not_found" });
    // A buyer is not a merchant and the other way round.
    await expect(getOrderForMerchantOrThrow(prisma, buyer.actor, order.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(getOrderForBuyerOrThrow(prisma, merchant.actor, order.id)).rejects.toMatchObject({ code: "forbidden" });
    expect(await statusOf(order.id)).toBe("SHIPPED");
  });
});
