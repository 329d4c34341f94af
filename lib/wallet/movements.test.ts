import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { withdraw } from "@/lib/bank/withdraw";
import { inTransaction } from "@/lib/db/transaction";
import { openDispute } from "@/lib/disputes/open";
import { confirmReceipt } from "@/lib/escrow/confirm-receipt";
import { merchantAccept } from "@/lib/disputes/respond";
import { refundOrder } from "@/lib/escrow/refund";
import { releaseDueReserves } from "@/lib/escrow/reserve";
import { DAY, fixedClock } from "@/lib/time/clock";
import { prisma, resetDatabase } from "@/tests/db";
import { completedOrder, key, shippedOrder } from "@/tests/escrow-fixtures";
import { createUser } from "@/tests/fixtures";
import { causeHref, movementCause } from "./movement-cause";
import { getWalletOverview } from "./overview";

const dispute = (buyer: Actor, orderId: string, claimedFen: bigint, clock = fixedClock("2026-11-24T02:00:00Z")) =>
  inTransaction(prisma, (tx) => openDispute(tx, buyer, { orderId, reason: "DAMAGED", claimedFen, description: "外包装破损，见描述" }, clock));
const orderNoOf = async (id: string) => (await prisma.order.findUniqueOrThrow({ where: { id } })).orderNo;

describe("every wallet movement names what caused it", () => {
  beforeEach(resetDatabase);

  it("top-ups, withdrawals, payments, refunds, releases, reserves, dispute refunds and claims each link to their card, account, order or dispute in the viewer's own area", async () => {
    const clock = fixedClock("2026-11-24T02:00:00Z");
    const merchant = await createUser("MERCHANT", { approved: true });
    const buyer = await createUser("BUYER", { balanceFen: 100_000n });
    await inTransaction(prisma, (tx) => withdraw(tx, buyer.actor, { amountFen: 100n, bankAccount: "6222020000005678", idempotencyKey: key() }));

    // Refunded in part, then released (the reserve moves to the wallet 30 days later).
    const released = await shippedOrder(merchant.actor, buyer.actor, "100.00", clock);
    await inTransaction(prisma, (tx) => refundOrder(tx, merchant.actor, { orderId: released.id, amountFen: 1_000n, idempotencyKey: key() }, clock));
    await completedOrder(merchant.actor, buyer.actor, "1.00", clock); // another order, so links must pick the right one
    await inTransaction(prisma, (tx) => confirmReceipt(tx, buyer.actor, { orderId: released.id, idempotencyKey: key() }, clock));
    clock.advance(31 * DAY);
    await releaseDueReserves(prisma, clock);
    await inTransaction(prisma, (tx) => withdraw(tx, merchant.actor, { amountFen: 100n, bankAccount: "ignored", idempotencyKey: key() }));

    // A dispute before completion (refund out of escrow), and an after-sale claim on a completed order.
    const disputed = await shippedOrder(merchant.actor, buyer.actor, "50.00", clock);
    const before = await dispute(buyer.actor, disputed.id, 2_000n, clock);
    await inTransaction(prisma, (tx) => merchantAccept(tx, merchant.actor, { disputeId: before.id, idempotencyKey: key() }, clock));
    const claimed = await completedOrder(merchant.actor, buyer.actor, "40.00", clock);
    const after = await dispute(buyer.actor, claimed.id, 1_000n, clock);
    await inTransaction(prisma, (tx) => merchantAccept(tx, merchant.actor, { disputeId: after.id, idempotencyKey: key() }, clock));

    const described = async (actor: Actor & { role: "BUYER" | "MERCHANT" }) =>
      (await getWalletOverview(prisma, actor, { limit: 100 })).movements
        .map((m) => [m.kind, m.cause.type, causeHref(m.cause, actor.role) ?? "-", "orderNo" in m.cause ? m.cause.orderNo : "-"].join(" "))
        .reverse();
    const [r, d, a] = [await orderNoOf(released.id), await orderNoOf(disputed.id), await orderNoOf(claimed.id)];

    const buyerLines = await described(buyer.actor as Actor & { role: "BUYER" });
    expect(buyerLines).toEqual([
      "TOPUP card - -",
      "WITHDRAWAL bank - -",
      `ESCROW_PAY order /buyer/orders/${released.id} ${r}`,
      `ESCROW_REFUND order /buyer/orders/${released.id} ${r}`,
      expect.stringMatching(/^ESCROW_PAY order \/buyer\/orders\/\S+ \d{16}$/),
      `ESCROW_PAY order /buyer/orders/${disputed.id} ${d}`,
      `DISPUTE_REFUND dispute /buyer/disputes/${before.id} ${d}`,
      `ESCROW_PAY order /buyer/orders/${claimed.id} ${a}`,
      `DISPUTE_CLAIM dispute /buyer/disputes/${after.id} ${a}`,
    ]);

    const merchantLines = await described(merchant.actor as Actor & { role: "MERCHANT" });
    expect(merchantLines).toEqual([
      expect.stringMatching(/^ESCROW_RELEASE order \/merchant\/orders\/\S+ \d{16}$/),
      `ESCROW_RELEASE order /merchant/orders/${released.id} ${r}`,
      expect.stringMatching(/^RESERVE_RELEASE reserve \/merchant\/orders\/\S+ \d{16}$/),
      expect.stringMatching(/^RESERVE_RELEASE reserve \/merchant\/orders\/\S+ \d{16}$/),
      "WITHDRAWAL bank - -",
      `ESCROW_RELEASE order /merchant/orders/${disputed.id} ${d}`,
      `ESCROW_RELEASE order /merchant/orders/${claimed.id} ${a}`,
      `DISPUTE_CLAIM dispute /merchant/disputes/${after.id} ${a}`,
    ]);
    const reserves = (await getWalletOverview(prisma, merchant.actor, { limit: 100 })).movements.filter((m) => m.kind === "RESERVE_RELEASE");
    expect(reserves.map((m) => m.cause.type === "reserve" && m.cause.orderId).sort()).toEqual([released.id, (await prisma.reserveHold.findFirstOrThrow({ where: { orderId: { not: released.id } } })).orderId].sort());
  });

  it("references without an order still say what they were, and an unknown one is kept as it is", () => {
    const base = { orderId: null, orderNo: null };
    expect(movementCause({ ...base, kind: "TOPUP", reference: "card:****0007" })).toEqual({ type: "card", last4: "0007" });
    expect(movementCause({ ...base, kind: "WITHDRAWAL", reference: "bank:****1234" })).toEqual({ type: "bank", last4: "1234" });
    expect(movementCause({ ...base, kind: "REVERSAL", reference: "journal:42" })).toEqual({ type: "reversal", journalId: "42" });
    expect(movementCause({ ...base, kind: "SOMETHING", reference: "x:y" })).toEqual({ type: "other", reference: "x:y" });
    // A dispute refund written before refunds named their dispute links to its order.
    const older = movementCause({ kind: "DISPUTE_REFUND", reference: "order:o1", orderId: "o1", orderNo: "2026112400000001" });
    expect(causeHref(older, "BUYER")).toBe("/buyer/orders/o1");
  });
});
