import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { inTransaction } from "@/lib/db/transaction";
import { decideApplication } from "@/lib/merchants/review/decide";
import { openDispute } from "@/lib/disputes/open";
import { buyerWithdraw, merchantRespond } from "@/lib/disputes/respond";
import { prisma, resetDatabase } from "@/tests/db";
import { shippedOrder } from "@/tests/escrow-fixtures";
import { createUser } from "@/tests/fixtures";
import { notificationHref } from "./links";

describe("where a notification leads", () => {
  it("to the order, the dispute or the application, in the reader's own area", () => {
    expect(notificationHref("order.paid", { orderId: "o1" }, "MERCHANT")).toBe("/merchant/orders/o1");
    expect(notificationHref("order.shipped", { orderId: "o1" }, "BUYER")).toBe("/buyer/orders/o1");
    expect(notificationHref("dispute.opened", { disputeId: "d1" }, "MERCHANT")).toBe("/merchant/disputes/d1");
    expect(notificationHref("dispute.offer", { disputeId: "d1" }, "BUYER")).toBe("/buyer/disputes/d1");
    expect(notificationHref("merchant.needsInfo", {}, "MERCHANT")).toBe("/merchant/onboarding?step=5");
    expect(notificationHref("merchant.approved", { riskLevel: "LOW" }, "MERCHANT")).toBe("/merchant");
  });

  it("an old notification without its target leads to the list it belongs to; a hostile id leads nowhere else", () => {
    expect(notificationHref("dispute.opened", { orderNo: "1" }, "MERCHANT")).toBe("/merchant/disputes");
    expect(notificationHref("order.paid", { orderId: "//evil.test" }, "MERCHANT")).toBe("/merchant/orders");
    expect(notificationHref("order.paid", { orderId: "../admin" }, "MERCHANT")).toBe("/merchant/orders");
    expect(notificationHref("unknown.kind", {}, "BUYER")).toBeNull();
  });
});

describe("notifications record what they are about", () => {
  beforeEach(resetDatabase);

  it("every dispute notification carries its dispute, every order notification its order", async () => {
    const merchant = await createUser("MERCHANT", { approved: true });
    const buyer = await createUser("BUYER", { balanceFen: 1_000_000n });
    const order = await shippedOrder(merchant.actor, buyer.actor);
    const dispute = await inTransaction(prisma, (tx) =>
      openDispute(tx, buyer.actor, { orderId: order.id, reason: "NOT_RECEIVED", claimedFen: 5_000n, description: "一直没有收到包裹" }),
    );
    await inTransaction(prisma, (tx) => merchantRespond(tx, merchant.actor, dispute.id, { kind: "CONTEST", body: "已按时发货，有物流记录" }));
    await inTransaction(prisma, (tx) => buyerWithdraw(tx, buyer.actor, { disputeId: dispute.id, idempotencyKey: randomUUID() }));
    const notifications = await prisma.notification.findMany({ orderBy: { id: "asc" } });
    expect(notifications.map((n) => n.kind)).toEqual(["order.paid", "order.shipped", "dispute.opened", "dispute.contested", "dispute.WITHDRAWN", "dispute.WITHDRAWN"]);
    for (const n of notifications) {
      const reader = n.userId === buyer.id ? "BUYER" : "MERCHANT";
      const href = notificationHref(n.kind, n.params as Record<string, unknown>, reader);
      expect(href, n.kind).toBe(n.kind.startsWith("order.") ? `/${reader.toLowerCase()}/orders/${order.id}` : `/${reader.toLowerCase()}/disputes/${dispute.id}`);
    }
  });

  it("onboarding decisions notify and email the merchant", async () => {
    const admin = await createUser("ADMIN");
    const merchant = await createUser("MERCHANT");
    const { id } = await prisma.merchant.update({ where: { userId: merchant.id }, data: { status: "SUBMITTED", submittedAt: new Date() } });
    await inTransaction(prisma, (tx) => decideApplication(tx, admin.actor, id, { decision: "APPROVE", riskLevel: "LOW" }));
    expect(await prisma.outboxEmail.findMany()).toMatchObject([{ userId: merchant.id, kind: "merchant.approved", params: { riskLevel: "LOW" } }]);
    expect(await prisma.notification.findMany()).toMatchObject([{ userId: merchant.id, kind: "merchant.approved" }]);
  });
});
