import type { PrismaClient } from "@/lib/generated/prisma/client";
import { inTransaction } from "@/lib/db/transaction";
import { type Clock, systemClock } from "@/lib/time/clock";
import { settleDispute } from "./settle";
import { addToThread } from "./thread";

/**
 * Deadlines: a merchant who does not answer in time loses (refund of the claim); a buyer who does not answer
 * an offer or a contest in time loses (closed for the merchant). Each dispute is re-read under a row lock, so
 * the job run twice, or racing a party's answer, settles it once.
 */
export async function enforceDisputeDeadlines(db: PrismaClient, clock: Clock = systemClock) {
  const now = clock.now();
  const due = await db.dispute.findMany({
    where: { OR: [{ status: "OPEN", merchantDeadline: { lte: now } }, { status: "AWAITING_BUYER", buyerDeadline: { lte: now } }] },
    select: { id: true },
    take: 200,
  });
  let settled = 0;
  for (const { id } of due) {
    const done = await inTransaction(db, async (tx) => {
      await tx.$queryRaw`SELECT id FROM disputes WHERE id = ${id} FOR UPDATE`;
      const dispute = await tx.dispute.findUniqueOrThrow({ where: { id } });
      const merchantLate = dispute.status === "OPEN" && dispute.merchantDeadline && dispute.merchantDeadline <= now;
      const buyerLate = dispute.status === "AWAITING_BUYER" && dispute.buyerDeadline && dispute.buyerDeadline <= now;
      if (!merchantLate && !buyerLate) return false;
      await addToThread(tx, { disputeId: id, authorId: null, authorRole: "SYSTEM", kind: "DEADLINE", body: merchantLate ? "merchant" : "buyer" });
      await settleDispute(tx, dispute, merchantLate ? { status: "RESOLVED_BUYER", refundFen: dispute.claimedFen, actorId: null } : { status: "RESOLVED_MERCHANT", refundFen: 0n, actorId: null }, now);
      return true;
    });
    if (done) settled++;
  }
  return { due: due.length, settled };
}
