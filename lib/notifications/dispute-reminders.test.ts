import { beforeEach, describe, expect, it } from "vitest";
import { inTransaction } from "@/lib/db/transaction";
import { enforceDisputeDeadlines } from "@/lib/disputes/deadlines";
import { openDispute } from "@/lib/disputes/open";
import { merchantRespond } from "@/lib/disputes/respond";
import { DAY, fixedClock, HOUR, MINUTE } from "@/lib/time/clock";
import { prisma, resetDatabase } from "@/tests/db";
import { shippedOrder } from "@/tests/escrow-fixtures";
import { createUser } from "@/tests/fixtures";
import { reminderKey, sendDisputeReminders } from "./dispute-reminders";

const START = "2026-11-01T00:00:00Z";

/** A dispute opened at START: the merchant must answer within 5 days (the default setting). */
async function openedDispute(clock = fixedClock(START)) {
  const merchant = await createUser("MERCHANT", { approved: true });
  const buyer = await createUser("BUYER", { balanceFen: 1_000_000n });
  const order = await shippedOrder(merchant.actor, buyer.actor, "100.00", clock);
  const dispute = await inTransaction(prisma, (tx) =>
    openDispute(tx, buyer.actor, { orderId: order.id, reason: "NOT_RECEIVED", claimedFen: 5_000n, description: "一直没有收到包裹" }, clock),
  );
  return { merchant, buyer, order, dispute, clock };
}

const reminders = () => prisma.outboxEmail.findMany({ where: { kind: { startsWith: "dispute.reminder" } }, orderBy: { id: "asc" } });

describe("dispute deadline reminders", () => {
  beforeEach(resetDatabase);

  it("reach whoever must answer a day before the deadline, once per deadline however often the job runs", async () => {
    const { merchant, buyer, order, dispute, clock } = await openedDispute();
    const deadline = dispute.merchantDeadline!;
    clock.set(new Date(deadline.getTime() - DAY - MINUTE));
    expect(await sendDisputeReminders(prisma, clock)).toMatchObject({ due: 0 });

    clock.set(new Date(deadline.getTime() - DAY));
    expect(await sendDisputeReminders(prisma, clock)).toMatchObject({ due: 1, done: 1 });
    clock.advance(HOUR);
    expect(await sendDisputeReminders(prisma, clock)).toMatchObject({ due: 0 });
    expect(await reminders()).toMatchObject([
      { userId: merchant.id, kind: "dispute.reminderMerchant", dedupeKey: reminderKey("MERCHANT", dispute.id, deadline), params: { orderNo: order.orderNo, disputeId: dispute.id, deadline: deadline.toISOString() } },
    ]);
    expect(await prisma.notification.count({ where: { userId: merchant.id, kind: "dispute.reminderMerchant" } })).toBe(1);

    // The merchant answers: the buyer now has a deadline of their own, and gets its reminder.
    await inTransaction(prisma, (tx) => merchantRespond(tx, merchant.actor, dispute.id, { kind: "OFFER", amountFen: 2_000n }, clock));
    const buyerDeadline = (await prisma.dispute.findUniqueOrThrow({ where: { id: dispute.id } })).buyerDeadline!;
    clock.set(new Date(buyerDeadline.getTime() - 2 * HOUR));
    expect(await sendDisputeReminders(prisma, clock)).toMatchObject({ due: 1, done: 1 });
    expect((await reminders()).map((r) => [r.userId, r.kind])).toEqual([
      [merchant.id, "dispute.reminderMerchant"],
      [buyer.id, "dispute.reminderBuyer"],
    ]);
  });

  it("two runs at once write one reminder", async () => {
    const { dispute, clock } = await openedDispute();
    clock.set(new Date(dispute.merchantDeadline!.getTime() - HOUR));
    await Promise.all([sendDisputeReminders(prisma, clock), sendDisputeReminders(prisma, clock), sendDisputeReminders(prisma, clock)]);
    expect(await reminders()).toHaveLength(1);
    expect(await prisma.notification.count({ where: { kind: "dispute.reminderMerchant" } })).toBe(1);
  });

  it("catches up after the worker was down: every deadline still ahead gets its reminder in one run; one that passed gets none", async () => {
    const clock = fixedClock(START);
    const early = await openedDispute(clock);
    clock.advance(12 * HOUR);
    const later = await openedDispute(clock);
    clock.advance(12 * HOUR);
    const latest = await openedDispute(clock);
    // Down from day 3 until 1 hour before the middle deadline: the first deadline passed meanwhile.
    clock.set(new Date(later.dispute.merchantDeadline!.getTime() - HOUR));
    expect(await sendDisputeReminders(prisma, clock)).toMatchObject({ due: 2, done: 2 });
    expect((await reminders()).map((r) => (r.params as { disputeId: string }).disputeId).sort()).toEqual([later.dispute.id, latest.dispute.id].sort());
    expect((await reminders()).some((r) => (r.params as { disputeId: string }).disputeId === early.dispute.id)).toBe(false);
  });

  it("a dispute settled before its reminder was due gets none", async () => {
    const { dispute, clock } = await openedDispute();
    clock.set(new Date(dispute.merchantDeadline!.getTime() + MINUTE));
    await enforceDisputeDeadlines(prisma, clock);
    clock.set(new Date(dispute.merchantDeadline!.getTime() - HOUR));
    expect(await sendDisputeReminders(prisma, clock)).toMatchObject({ due: 0 });
    expect(await reminders()).toEqual([]);
  });
});
