import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { inTransaction } from "@/lib/db/transaction";
import { openDispute } from "@/lib/disputes/open";
import { prisma, resetDatabase } from "@/tests/db";
import { completedOrder, paidOrder } from "@/tests/escrow-fixtures";
import { createUser } from "@/tests/fixtures";
import { merchantAccept } from "@/lib/disputes/respond";
import { getOrderForAdmin, searchOrdersForAdmin } from "./admin-orders";
import { refundOrder } from "./refund";

describe("orders for the platform's staff", () => {
  beforeEach(resetDatabase);

  it("finds any merchant's order by number, buyer or merchant, and shows where its money went", async () => {
    const admin = await createUser("ADMIN");
    const merchant = await createUser("MERCHANT", { approved: true });
    await prisma.merchant.update({ where: { userId: merchant.id }, data: { displayName: "青禾茶舍" } });
    const buyer = await createUser("BUYER", { balanceFen: 100_000n, email: "li.ming@test.anxin" });
    const done = await completedOrder(merchant.actor, buyer.actor, "100.00");
    const other = await paidOrder(merchant.actor, buyer.actor, "20.00");
    await inTransaction(prisma, (tx) => refundOrder(tx, merchant.actor, { orderId: other.id, amountFen: 500n, idempotencyKey: randomUUID() }));
    const claim = await inTransaction(prisma, (tx) => openDispute(tx, buyer.actor, { orderId: done.id, reason: "DAMAGED", claimedFen: 3_000n, description: "收到时已破损" }));
    await inTransaction(prisma, (tx) => merchantAccept(tx, merchant.actor, { disputeId: claim.id, idempotencyKey: randomUUID() }));

    expect((await searchOrdersForAdmin(prisma, admin.actor, { q: done.orderNo })).orders.map((o) => o.id)).toEqual([done.id]);
    expect((await searchOrdersForAdmin(prisma, admin.actor, { q: "LI.MING" })).orders).toHaveLength(2);
    expect((await searchOrdersForAdmin(prisma, admin.actor, { q: "青禾", status: "PAID" })).orders.map((o) => o.id)).toEqual([other.id]);
    expect((await searchOrdersForAdmin(prisma, admin.actor, { q: "nobody" })).orders).toEqual([]);

    const { order, escrowHeldFen } = await getOrderForAdmin(prisma, admin.actor, done.id);
    expect(order).toMatchObject({ totalFen: 10_000n, refundedFen: 0n, claimedFen: 3_000n, feeFen: 100n, reserveFen: 495n, netFen: 9_405n });
    expect(order.disputes).toMatchObject([{ id: claim.id, status: "RESOLVED_BUYER", afterCompletion: true }]);
    expect(escrowHeldFen).toBe(0n);
    expect((await getOrderForAdmin(prisma, admin.actor, other.id)).escrowHeldFen).toBe(1_500n);
  });

  it("is for admins only", async () => {
    const merchant = await createUser("MERCHANT", { approved: true });
    const buyer = await createUser("BUYER", { balanceFen: 10_000n });
    const o = await paidOrder(merchant.actor, buyer.actor, "10.00");
    for (const actor of [merchant.actor, buyer.actor]) {
      await expect(searchOrdersForAdmin(prisma, actor, {})).rejects.toMatchObject({ code: "forbidden" });
      await expect(getOrderForAdmin(prisma, actor, o.id)).rejects.toMatchObject({ code: "forbidden" });
    }
    await expect(getOrderForAdmin(prisma, (await createUser("ADMIN")).actor, "missing")).rejects.toMatchObject({ code: "not_found" });
  });
});
