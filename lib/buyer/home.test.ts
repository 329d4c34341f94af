import { beforeEach, describe, expect, it } from "vitest";
import { inTransaction } from "@/lib/db/transaction";
import { openDispute } from "@/lib/disputes/open";
import { merchantRespond } from "@/lib/disputes/respond";
import { refundOrder } from "@/lib/escrow/refund";
import { prisma, resetDatabase } from "@/tests/db";
import { completedOrder, key, newOrder, paidOrder, shippedOrder } from "@/tests/escrow-fixtures";
import { createUser } from "@/tests/fixtures";
import { buyerHome } from "./home";

describe("buyer home", () => {
  beforeEach(resetDatabase);

  it("a new buyer sees nothing held, nothing waiting, no orders", async () => {
    const buyer = await createUser("BUYER");
    expect(await buyerHome(prisma, buyer.actor)).toEqual({ escrow: { orders: 0, heldFen: 0n }, toConfirm: [], disputes: [], recent: [], balanceFen: 0n });
  });

  it("shows what escrow holds for the buyer (partial refunds already out), what waits for them, and only their own orders", async () => {
    const merchant = await createUser("MERCHANT", { approved: true });
    const buyer = await createUser("BUYER", { balanceFen: 1_000_000n });
    const stranger = await createUser("BUYER", { balanceFen: 1_000_000n });
    const paid = await paidOrder(merchant.actor, buyer.actor, "100.00");
    await inTransaction(prisma, (tx) => refundOrder(tx, merchant.actor, { orderId: paid.id, amountFen: 3_000n, idempotencyKey: key() }));
    const shipped = await shippedOrder(merchant.actor, buyer.actor, "50.00");
    const disputed = await shippedOrder(merchant.actor, buyer.actor, "20.00");
    const dispute = await inTransaction(prisma, (tx) =>
      openDispute(tx, buyer.actor, { orderId: disputed.id, reason: "DAMAGED", claimedFen: 1_000n, description: "包装破损，商品有裂痕" }),
    );
    await inTransaction(prisma, (tx) => merchantRespond(tx, merchant.actor, dispute.id, { kind: "OFFER", amountFen: 500n }));
    await completedOrder(merchant.actor, buyer.actor, "10.00");
    await newOrder(merchant.actor, "99.00"); // not paid: nobody's yet
    await shippedOrder(merchant.actor, stranger.actor, "77.00");

    const home = await buyerHome(prisma, buyer.actor);
    expect(home.escrow).toEqual({ orders: 3, heldFen: 7_000n + 5_000n + 2_000n });
    expect(home.toConfirm.map((o) => o.id)).toEqual([shipped.id]);
    expect(home.disputes).toMatchObject([{ id: dispute.id, offerFen: 500n, order: { orderNo: disputed.orderNo } }]);
    expect(home.disputes[0].buyerDeadline).toBeInstanceOf(Date);
    expect(home.recent).toHaveLength(4);
    expect(home.recent.every((o) => o.merchant.displayName)).toBe(true);
  });

  it("is for buyers only", async () => {
    const merchant = await createUser("MERCHANT");
    await expect(buyerHome(prisma, merchant.actor)).rejects.toMatchObject({ code: "forbidden" });
  });
});
