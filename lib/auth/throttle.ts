import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/transaction";
import { MINUTE } from "@/lib/time/clock";

/** Failures counted over a window; past the limit the key is locked for LOCK_MS. */
export const THROTTLE = {
  windowMs: 15 * MINUTE,
  lockMs: 15 * MINUTE,
  emailLimit: 5,
  ipLimit: 30,
  /** From this many failures on, every answer is slowed by SLOW_STEP_MS per failure. */
  slowFrom: 2,
  slowStepMs: 400,
} as const;

export const emailKey = (email: string) => `email:${email.trim().toLowerCase()}`;
export const ipKey = (ip: string) => `ip:${ip}`;

type Db = PrismaClient | Tx;

/** The moment the key is locked until, or null when it may try now. */
export async function lockedUntil(db: Db, key: string, now: Date): Promise<Date | null> {
  const row = await db.loginThrottle.findUnique({ where: { key }, select: { lockedUntil: true } });
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

/**
 * Counts one failure atomically (concurrent failures are all counted) and returns the new count. A window
 * that has passed, or a lock that has expired, starts the count again.
 */
export async function recordFailure(db: Db, key: string, limit: number, now: Date): Promise<number> {
  const windowStartMin = new Date(now.getTime() - THROTTLE.windowMs);
  const lockUntil = new Date(now.getTime() + THROTTLE.lockMs);
  // "stale" reads the locked, latest row (lt), so concurrent failures are each counted once.
  const stale = Prisma.sql`(lt.window_start < ${windowStartMin} OR (lt.locked_until IS NOT NULL AND lt.locked_until <= ${now}))`;
  const count = Prisma.sql`(CASE WHEN ${stale} THEN 1 ELSE lt.failures + 1 END)`;
  const [row] = await db.$queryRaw<{ failures: number }[]>`
    INSERT INTO login_throttles AS lt (key, failures, window_start, locked_until, updated_at)
    VALUES (${key}, 1, ${now}, CASE WHEN 1 >= ${limit} THEN ${lockUntil}::timestamptz END, ${now})
    ON CONFLICT (key) DO UPDATE SET
      failures     = ${count},
      window_start = CASE WHEN ${stale} THEN ${now}::timestamptz ELSE lt.window_start END,
      locked_until = CASE WHEN ${count} >= ${limit} THEN ${lockUntil}::timestamptz ELSE NULL END,
      updated_at   = ${now}
    RETURNING failures`;
  return row.failures;
}

export async function clearFailures(db: Db, key: string) {
  await db.loginThrottle.deleteMany({ where: { key } });
}

/** How long to hold back an answer after `failures` failures. */
export const slowDownMs = (failures: number) =>
  failures >= THROTTLE.slowFrom ? Math.min((failures - THROTTLE.slowFrom + 1) * THROTTLE.slowStepMs, 3_000) : 0;
