import type { PrismaClient } from "@/lib/generated/prisma/client";
import { afterKey, sweepDue } from "@/lib/jobs/batch";
import { type Clock, DAY, systemClock } from "@/lib/time/clock";
import { notify } from "./notify";

/** A reminder goes out this long before a dispute deadline passes. */
export const REMINDER_LEAD_MS = DAY;

const KIND = { MERCHANT: "dispute.reminderMerchant", BUYER: "dispute.reminderBuyer" } as const;
type Party = keyof typeof KIND;

/** One reminder per dispute, party and deadline: a new deadline (a new round) gets its own. */
export const reminderKey = (party: Party, disputeId: string, deadline: Date) => `${KIND[party]}:${disputeId}:${deadline.getTime()}`;

/**
 * The disputes.reminders job: a day before a dispute deadline passes, whoever must answer (the merchant while
 * OPEN, the buyer while AWAITING_BUYER) gets a notification and an email. A catch-up over everything due
 * (lib/jobs/batch.ts): every deadline now less than a day away whose reminder was not written yet, each in
 * its own transaction. The outbox's dedupe key (reminderKey) makes it once per deadline, however often or
 * concurrently the job runs. A deadline that passed while the worker was down gets no reminder: the
 * deadline job has settled it.
 */
export async function sendDisputeReminders(db: PrismaClient, clock: Clock = systemClock) {
  const now = clock.now();
  const horizon = new Date(now.getTime() + REMINDER_LEAD_MS);
  const lead = `${REMINDER_LEAD_MS / 1000} seconds`;
  return sweepDue(
    db,
    "disputes.reminders",
    async (after, limit) => {
      const k = afterKey(after);
      // The key is built as reminderKey builds it: kind, dispute id, deadline in epoch milliseconds.
      const rows = await db.$queryRaw<{ id: string; due_at: Date }[]>`
        SELECT id, due_at FROM (
          SELECT d.id || ':MERCHANT' AS id, d.merchant_deadline - ${lead}::interval AS due_at,
                 ${KIND.MERCHANT} || ':' || d.id || ':' || (extract(epoch FROM d.merchant_deadline) * 1000)::bigint AS key
            FROM disputes d WHERE d.status = 'OPEN' AND d.merchant_deadline > ${now} AND d.merchant_deadline <= ${horizon}
          UNION ALL
          SELECT d.id || ':BUYER', d.buyer_deadline - ${lead}::interval,
                 ${KIND.BUYER} || ':' || d.id || ':' || (extract(epoch FROM d.buyer_deadline) * 1000)::bigint
            FROM disputes d WHERE d.status = 'AWAITING_BUYER' AND d.buyer_deadline > ${now} AND d.buyer_deadline <= ${horizon}
        ) r
        WHERE NOT EXISTS (SELECT 1 FROM email_outbox e WHERE e.dedupe_key = r.key) AND (due_at, id) > (${k.at}, ${k.id})
        ORDER BY due_at, id LIMIT ${limit}`;
      return rows.map((r) => ({ id: r.id, dueAt: r.due_at }));
    },
    async (tx, item) => {
      const [disputeId, party] = item.id.split(":") as [string, Party];
      const dispute = await tx.dispute.findUnique({
        where: { id: disputeId },
        include: { order: { select: { orderNo: true, merchant: { select: { userId: true } } } } },
      });
      if (!dispute) return false;
      // Read again: the party may have answered since the page was read.
      const deadline = party === "MERCHANT" ? (dispute.status === "OPEN" ? dispute.merchantDeadline : null) : dispute.status === "AWAITING_BUYER" ? dispute.buyerDeadline : null;
      if (!deadline || deadline <= now || deadline > horizon) return false;
      const userId = party === "MERCHANT" ? dispute.order.merchant.userId : dispute.buyerId;
      // The kinds written out in the call (not KIND[party]), so the placeholder check sees which messages it fills.
      return notify(
        tx,
        userId,
        (party === "MERCHANT" ? "dispute.reminderMerchant" : "dispute.reminderBuyer") satisfies (typeof KIND)[Party],
        { orderNo: dispute.order.orderNo, disputeId, deadline: deadline.toISOString() },
        { dedupeKey: reminderKey(party, disputeId, deadline) },
      );
    },
  );
}
