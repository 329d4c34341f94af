import type { PrismaClient } from "@/lib/generated/prisma/client";
import { type Clock, systemClock } from "@/lib/time/clock";
import { autoConfirmDue } from "./confirm-receipt";
import { expireUnpaidOrders } from "./refund";
import { releaseShippedOrder } from "./release";
import { releaseDueReserves } from "./reserve";

export const AUTO_CONFIRM_ORDER_JOB = "escrow.auto-confirm-order";

/**
 * The job scheduled at shipping for one order. It confirms only if the deadline has really passed (the buyer
 * may have extended it, or a dispute may have frozen it); otherwise the sweep will come back to it.
 */
export async function autoConfirmOrder(db: PrismaClient, orderId: string, clock: Clock = systemClock) {
  const now = clock.now();
  const released = await releaseShippedOrder(db, orderId, null, now, "auto_confirmed", null, now);
  return { released: released !== null };
}

export const escrowJobs = (db: PrismaClient, clock: Clock = systemClock) => [
  {
    name: AUTO_CONFIRM_ORDER_JOB,
    handler: async (data: unknown) => autoConfirmOrder(db, String((data as { orderId?: string })?.orderId ?? ""), clock),
  },
  { name: "escrow.auto-confirm-sweep", cron: "* * * * *", handler: () => autoConfirmDue(db, clock) },
  { name: "escrow.expire-unpaid", cron: "*/5 * * * *", handler: () => expireUnpaidOrders(db, clock) },
  { name: "escrow.release-reserves", cron: "7 * * * *", handler: () => releaseDueReserves(db, clock) },
];
