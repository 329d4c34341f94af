import { beforeEach, describe, expect, it } from "vitest";
import { fixedClock, DAY, MINUTE } from "@/lib/time/clock";
import { prisma, resetDatabase } from "@/tests/db";
import { purgeExpired } from "./purge-expired";

const NOW = new Date("2026-11-23T10:00:00Z");
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const later = (ms: number) => new Date(NOW.getTime() + ms);

async function key(key: string, expiresAt: Date) {
  await prisma.idempotencyKey.create({ data: { scope: "u:test", key, requestHash: "h", createdAt: ago(DAY), expiresAt } });
}
async function throttle(key: string, updatedAt: Date, lockedUntil: Date | null = null) {
  await prisma.loginThrottle.create({ data: { key, failures: 3, windowStart: updatedAt, updatedAt, lockedUntil } });
}
const remaining = async () => ({
  keys: (await prisma.idempotencyKey.findMany({ orderBy: { key: "asc" } })).map((k) => k.key),
  throttles: (await prisma.loginThrottle.findMany({ orderBy: { key: "asc" } })).map((t) => t.key),
});

describe("purgeExpired", () => {
  beforeEach(async () => {
    await resetDatabase();
    await key("expired", ago(MINUTE));
    await key("fresh", later(MINUTE));
    await throttle("email:old", ago(DAY + MINUTE));
    await throttle("email:old-lock-over", ago(DAY + MINUTE), ago(MINUTE));
    await throttle("email:old-but-locked", ago(DAY + MINUTE), later(MINUTE));
    await throttle("email:recent", ago(DAY - MINUTE));
  });

  it("deletes expired keys and idle unlocked throttles, keeps fresh and locked ones", async () => {
    const result = await purgeExpired(prisma, fixedClock(NOW));
    expect(result).toEqual({ idempotencyKeys: 1, loginThrottles: 2, passwordResets: 0 });
    expect(await remaining()).toEqual({ keys: ["fresh"], throttles: ["email:old-but-locked", "email:recent"] });
  });

  it("deletes nothing more when run again", async () => {
    await purgeExpired(prisma, fixedClock(NOW));
    const after = await remaining();
    expect(await purgeExpired(prisma, fixedClock(NOW))).toEqual({ idempotencyKeys: 0, loginThrottles: 0, passwordResets: 0 });
    expect(await remaining()).toEqual(after);
  });

  it("a key expiring exactly now stays until it is past", async () => {
    await key("boundary", NOW);
    await purgeExpired(prisma, fixedClock(NOW));
    expect((await remaining()).keys).toContain("boundary");
  });

  it("deletes password reset requests a day after they expired, keeps younger ones", async () => {
    const reset = (email: string, expiresAt: Date) =>
      prisma.passwordReset.create({ data: { email, createdAt: new Date(expiresAt.getTime() - 30 * MINUTE), expiresAt } });
    await reset("old@test.anxin", ago(DAY + MINUTE));
    await reset("recent@test.anxin", ago(DAY - MINUTE));
    await reset("live@test.anxin", later(MINUTE));
    expect((await purgeExpired(prisma, fixedClock(NOW))).passwordResets).toBe(1);
    expect((await prisma.passwordReset.findMany({ orderBy: { email: "asc" } })).map((r) => r.email)).toEqual(["live@test.anxin", "recent@test.anxin"]);
  });
});
