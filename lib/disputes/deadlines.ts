import type { PrismaClient } from "@/lib/generated/prisma/client";
import { afterKey, sweepDue } from "@/lib/jobs/batch";
import { type Clock, systemClock } from "@/lib/time/clock";
import { settleDispute } from "./settle";
import { addToThread } from "./thread";

/**
 * Deadlines: a merchant who does not answer in time loses (refund of the claim); a buyer who does not answer
 * an offer or a contest in time loses (closed for the merchant). Each due dispute is settled in its own
 * transaction, oldest deadline first, and re-read under its row lock, so the job run twice, or racing a
 * party's answer, settles it once, and one dispute that cannot be settled never holds up the others.
 */
export async function enforceDisputeDeadlines(db: PrismaClient, clock: Clock = systemClock) {
  const now = clock.now();
  return sweepDue(
    db,
    "disputes.deadlines",
    async (after, limit) => {
      const k = afterKey(after);
      const rows = await db.$queryRaw<{ id: string; due_at: Date }[]>`
        SELECT id, due_at FROM (
          SELECT id, merchant_deadline AS due_at FROM disputes WHERE status = 'OPEN' AND merchant_deadline <= ${now}
          UNION ALL
          SELECT id, buyer_deadline AS due_at FROM disputes WHERE status = 'AWAITING_BUYER' AND buyer_deadline <= ${now}
        ) d WHERE (due_at, id) > (${k.at}, ${k.id}) ORDER BY due_at, id LIMIT ${limit}`;
      return rows.map((r) => ({ id: r.id, dueAt: r.due_at }));
    },
    async (tx, { id }) => {
      await tx.$queryRaw`SELECT id FROM disputes WHERE id = ${id} FOR UPDATE`;
      const dispute = await tx.dispute.findUniqueOrThrow({ where: { id } });
      const merchantLate = dispute.status === "OPEN" && dispute.merchantDeadline && dispute.merchantDeadline <= now;
      const buyerLate = dispute.status === "AWAITING_BUYER" && dispute.buyerDeadline && dispute.buyerDeadline <= now;
      if (!merchantLate && !buyerLate) return false;
      await addToThread(tx, { disputeId: id, authorId: null, authorRole: "SYSTEM", kind: "DEADLINE", body: merchantLate ? "merchant" : "buyer" });
      await settleDispute(
        tx,
        dispute,
        merchantLate ? { status: "RESOLVED_BUYER", refundFen: dispute.claimedFen, actorId: null } : { status: "RESOLVED_MERCHANT", refundFen: 0n, actorId: null },
        now,
      );
      return true;
    },
  );
}
