import type { Tx } from "@/lib/db/transaction";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DAY, type Clock } from "@/lib/time/clock";

/** Throttle rows untouched this long have no failures left in any window and can go. */
export const THROTTLE_KEEP_MS = DAY;

/**
 * Deletes idempotency keys past their expiry, login throttles idle for a day that are not locked now, and
 * password reset requests that expired a day ago.
 * Only rows already expired at `now` are touched, so running it twice (or twice at once) is harmless.
 */
export async function purgeExpired(db: PrismaClient | Tx, clock: Clock) {
  const now = clock.now();
  const keys = await db.idempotencyKey.deleteMany({ where: { expiresAt: { lt: now } } });
  const throttles = await db.loginThrottle.deleteMany({
    where: {
      updatedAt: { lt: new Date(now.getTime() - THROTTLE_KEEP_MS) },
      OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }],
    },
  });
  // A reset request matters for its link (30 minutes) and the request limits (an hour); a day later it can go.
  const resets = await db.passwordReset.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - THROTTLE_KEEP_MS) } } });
  return { idempotencyKeys: keys.count, loginThrottles: throttles.count, passwordResets: resets.count };
}
