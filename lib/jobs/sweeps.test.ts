import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { inTransaction } from "@/lib/db/transaction";
import { enforceDisputeDeadlines } from "@/lib/disputes/deadlines";
import { openDispute } from "@/lib/disputes/open";
import { autoConfirmDue, confirmReceipt } from "@/lib/escrow/confirm-receipt";
import { expireUnpaidOrders } from "@/lib/escrow/refund";
import { releaseDueReserves } from "@/lib/escrow/reserve";
import { DAY, fixedClock } from "@/lib/time/clock";
import { prisma, resetDatabase } from "@/tests/db";
import { newOrder, shippedOrder } from "@/tests/escrow-fixtures";
import { createUser } from "@/tests/fixtures";

// Every periodic job settles each item in its own transaction: a planted item that cannot be settled is logged
// and counted with its id, and every other due item is still settled in the same run.

async function parties() {
  const merchant = await createUser("MERCHANT", { approved: true });
  const buyer = await createUser("BUYER", { balanceFen: 1_000_000n });
  return { merchant, buyer };
}

/** A shipped order whose escrow never received the money: releasing it can only fail. */
async function plantUnpaidShippedOrder(merchantUserId: string, buyerId: string, autoConfirmAt: Date) {
  const merchant = await prisma.merchant.findUniqueOrThrow({ where: { userId: merchantUserId } });
  const id = randomUUID();
  await prisma.$executeRaw`
    INSERT INTO orders (id, order_no, merchant_id, buyer_id, status, subtotal_fen, shipping_fen, total_fen, pay_token, expires_at,
                        paid_at, shipped_at, auto_confirm_at, updated_at)
    VALUES (${id}, 'PLANTED' || nextval('order_no_seq'), ${merchant.id}, ${buyerId}, 'SHIPPED', 5000, 0, 5000, ${randomUUID()},
            ${autoConfirmAt}, ${autoConfirmAt}, ${autoConfirmAt}, ${autoConfirmAt}, now())`;
  return id;
}

describe("periodic jobs settle each item on its own and go on when one fails", () => {
  beforeEach(resetDatabase);
  const quiet = () => vi.spyOn(console, "error").mockImplementation(() => {});

  it("auto-confirm: a stuck order first in line is reported, the three behind it are released", async () => {
    const clock = fixedClock("2026-11-01T00:00:00Z");
    const { merchant, buyer } = await parties();
    const stuck = await plantUnpaidShippedOrder(merchant.id, buyer.id, new Date("2026-11-05T00:00:00Z"));
    const good = [];
    for (let i = 0; i < 3; i++) good.push(await shippedOrder(merchant.actor, buyer.actor, "10.00", clock));
    clock.advance(11 * DAY);
    const log = quiet();
    const result = await autoConfirmDue(prisma, clock);
    expect(result).toMatchObject({ due: 4, done: 3, failed: 1 });
    expect(result.failures.map((f) => f.id)).toEqual([stuck]);
    expect(log.mock.calls.some(([line]) => String(line).includes(stuck))).toBe(true);
    for (const o of good) expect((await prisma.order.findUniqueOrThrow({ where: { id: o.id } })).status).toBe("COMPLETED");
    expect((await prisma.order.findUniqueOrThrow({ where: { id: stuck } })).status).toBe("SHIPPED");
    log.mockRestore();
  });

  it("dispute deadlines: a dispute that cannot be paid out is reported, the others are settled", async () => {
    const clock = fixedClock("2026-11-01T00:00:00Z");
    const { merchant, buyer } = await parties();
    const orders = [];
    for (let i = 0; i < 4; i++) orders.push(await shippedOrder(merchant.actor, buyer.actor, "100.00", clock));
    const disputes = [];
    for (const o of orders) {
      disputes.push(
        await inTransaction(prisma, (tx) => openDispute(tx, buyer.actor, { orderId: o.id, reason: "NOT_RECEIVED", claimedFen: 5_000n, description: "一直没有收到包裹" }, clock)),
      );
      clock.advance(60_000);
    }
    // The first dispute in line now claims more than its order ever held (as a stale read once allowed).
    await prisma.dispute.update({ where: { id: disputes[0].id }, data: { claimedFen: 20_000n } });
    clock.advance(6 * DAY);
    const log = quiet();
    const result = await enforceDisputeDeadlines(prisma, clock);
    expect(result).toMatchObject({ due: 4, done: 3, failed: 1 });
    expect(result.failures.map((f) => f.id)).toEqual([disputes[0].id]);
    for (const d of disputes.slice(1)) expect((await prisma.dispute.findUniqueOrThrow({ where: { id: d.id } })).status).toBe("RESOLVED_BUYER");
    expect((await prisma.dispute.findUniqueOrThrow({ where: { id: disputes[0].id } })).status).toBe("OPEN");
    log.mockRestore();
  });

  it("reserve release: a hold larger than the reserve is reported, the others are released", async () => {
    const clock = fixedClock("2026-11-01T00:00:00Z");
    const { merchant, buyer } = await parties();
    for (let i = 0; i < 3; i++) {
      const o = await shippedOrder(merchant.actor, buyer.actor, "100.00", clock);
      await inTransaction(prisma, (tx) => confirmReceipt(tx, buyer.actor, { orderId: o.id, idempotencyKey: randomUUID() }, clock));
    }
    const spare = await newOrder(merchant.actor, "1.00", 1, "0", clock);
    const [planted] = await prisma.$queryRaw<{ id: bigint }[]>`
      INSERT INTO reserve_holds (order_id, user_id, amount_fen, release_at) VALUES (${spare.id}, ${merchant.id}, 999999, ${new Date("2026-11-02T00:00:00Z")}) RETURNING id`;
    clock.advance(31 * DAY);
    const log = quiet();
    const result = await releaseDueReserves(prisma, clock);
    expect(result).toMatchObject({ due: 4, done: 3, failed: 1 });
    expect(result.failures.map((f) => f.id)).toEqual([planted.id.toString()]);
    expect(await prisma.reserveHold.count({ where: { releasedAt: null } })).toBe(1);
    log.mockRestore();
  });

  it("a sweep catches up over everything due, past one page, in one run", async () => {
    const clock = fixedClock("2026-11-01T00:00:00Z");
    const { merchant } = await parties();
    for (let i = 0; i < 230; i++) await newOrder(merchant.actor, "1.00", 1, "0", clock);
    clock.advance(3 * DAY);
    expect(await expireUnpaidOrders(prisma, clock)).toMatchObject({ due: 230, done: 230, failed: 0 });
    expect(await prisma.order.count({ where: { status: "CREATED" } })).toBe(0);
  });
});
