import { beforeEach, describe, expect, it } from "vitest";
import { inTransaction } from "@/lib/db/transaction";
import { userBalance } from "@/lib/ledger/accounts";
import { verifyLedger } from "@/lib/ledger/verify";
import { prisma, resetDatabase } from "@/tests/db";
import { key, newOrder, paidOrder } from "@/tests/escrow-fixtures";
import { createUser } from "@/tests/fixtures";
import { closeUnpaidOrder } from "./close-unpaid";
import { payOrder } from "./pay";

const orderOf = (id: string) => prisma.order.findUniqueOrThrow({ where: { id } });

describe("the merchant closes an unpaid order", () => {
  beforeEach(resetDatabase);

  it("CREATED → CANCELLED with a timeline entry; the payment link then refuses payment as closed, and no money moves", async () => {
    const merchant = await createUser("MERCHANT", { approved: true });
    const buyer = await createUser("BUYER", { balanceFen: 10_000n });
    const order = await newOrder(merchant.actor, "20.00");
    const journalsBefore = await prisma.journal.count();

    expect(await closeUnpaidOrder(prisma, merchant.actor, order.id)).toEqual({ orderId: order.id, changed: true });
    const closed = await orderOf(order.id);
    expect(closed.status).toBe("CANCELLED");
    expect(closed.closedAt).not.toBeNull();
    const events = await prisma.orderEvent.findMany({ where: { orderId: order.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.type, e.actorId])).toEqual([
      ["created", merchant.id],
      ["closed_by_merchant", merchant.id],
    ]);

    await expect(payOrder(prisma, buyer.actor, { token: order.payToken, idempotencyKey: key() })).rejects.toMatchObject({ messageKey: "errors.order_closed" });
    expect(await userBalance(prisma, buyer.id)).toBe(10_000n);
    expect(await prisma.journal.count()).toBe(journalsBefore);
    expect(await verifyLedger(prisma)).toEqual([]);
  });

  it("closing it again (a double click, or it expired meanwhile) changes nothing and is not an error", async () => {
    const merchant = await createUser("MERCHANT", { approved: true });
    const order = await newOrder(merchant.actor);
    await closeUnpaidOrder(prisma, merchant.actor, order.id);
    expect(await closeUnpaidOrder(prisma, merchant.actor, order.id)).toEqual({ orderId: order.id, changed: false });
    expect(await prisma.orderEvent.count({ where: { orderId: order.id, type: "closed_by_merchant" } })).toBe(1);
  });

  it("a paid order cannot be closed (it is refunded instead), and stays paid", async () => {
    const merchant = await createUser("MERCHANT", { approved: true });
    const buyer = await createUser("BUYER", { balanceFen: 10_000n });
    const order = await paidOrder(merchant.actor, buyer.actor, "30.00");
    await expect(closeUnpaidOrder(prisma, merchant.actor, order.id)).rejects.toMatchObject({ code: "invalid_transition", messageKey: "errors.cannot_close_paid" });
    expect((await orderOf(order.id)).status).toBe("PAID");
  });

  it("another merchant's order looks missing, a buyer may not close orders, and neither changes anything", async () => {
    const merchant = await createUser("MERCHANT", { approved: true });
    const other = await createUser("MERCHANT", { approved: true });
    const buyer = await createUser("BUYER");
    const order = await newOrder(merchant.actor);
    await expect(closeUnpaidOrder(prisma, other.actor, order.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(closeUnpaidOrder(prisma, buyer.actor, order.id)).rejects.toMatchObject({ code: "forbidden" });
    expect((await orderOf(order.id)).status).toBe("CREATED");
    expect(await prisma.orderEvent.count({ where: { orderId: order.id } })).toBe(1);
  });

  it("a close racing a payment: exactly one wins, and the money is where the winner says", async () => {
    const merchant = await createUser("MERCHANT", { approved: true });
    const buyer = await createUser("BUYER", { balanceFen: 1_000_000n });
    for (let round = 0; round < 8; round++) {
      const order = await newOrder(merchant.actor, "10.00");
      const [close, pay] = await Promise.allSettled([
        inTransaction(prisma, (tx) => closeUnpaidOrder(tx, merchant.actor, order.id)),
        payOrder(prisma, buyer.actor, { token: order.payToken, idempotencyKey: key() }),
      ]);
      const status = (await orderOf(order.id)).status;
      const closedWon = close.status === "fulfilled" && close.value.changed;
      expect(closedWon !== (pay.status === "fulfilled"), `round ${round}: exactly one succeeds`).toBe(true);
      expect(status).toBe(closedWon ? "CANCELLED" : "PAID");
      const escrow = await prisma.ledgerAccount.findUnique({ where: { orderId: order.id } });
      expect(escrow?.balance ?? 0n).toBe(closedWon ? 0n : 1_000n);
    }
    expect(await verifyLedger(prisma)).toEqual([]);
  });
});
