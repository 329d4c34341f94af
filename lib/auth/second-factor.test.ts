import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "@/lib/time/clock";
import { prisma, resetDatabase } from "@/tests/db";
import { createUser } from "@/tests/fixtures";
import { enrollSecondFactor, issuePendingToken, pendingAdmin, readPendingToken, verifySecondFactor } from "./second-factor";
import { newTotpSecret, stepAt, totpCode } from "./totp";

const at = (iso: string) => fixedClock(iso);
const codeAt = (secret: string, clock: { now(): Date }) => totpCode(secret, stepAt(clock.now()));

async function enrolledAdmin(iso = "2026-11-24T08:00:00Z") {
  const admin = await createUser("ADMIN");
  const secret = newTotpSecret();
  const clock = at(iso);
  const { recoveryCodes } = await enrollSecondFactor(prisma, admin.id, secret, codeAt(secret, clock), clock);
  return { admin, secret, recoveryCodes, clock };
}

describe("administrators' second factor", () => {
  beforeAll(() => {
    process.env.NEXTAUTH_SECRET ??= "test-secret-for-session-tokens-0123456789";
  });
  beforeEach(resetDatabase);

  it("setting up: a wrong code keeps nothing; the right one keeps the secret, makes ten hashed recovery codes, is audited, and happens once", async () => {
    const admin = await createUser("ADMIN");
    const secret = newTotpSecret();
    const clock = at("2026-11-24T08:00:00Z");
    await expect(enrollSecondFactor(prisma, admin.id, secret, "000000", clock)).rejects.toMatchObject({ code: "invalid_second_factor" });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).totpSecret).toBeNull();

    const { recoveryCodes } = await enrollSecondFactor(prisma, admin.id, secret, codeAt(secret, clock), clock);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);
    const stored = await prisma.user.findUniqueOrThrow({ where: { id: admin.id } });
    expect(stored).toMatchObject({ totpSecret: secret, totpEnabledAt: clock.now() });
    const hashes = await prisma.recoveryCode.findMany({ where: { userId: admin.id } });
    expect(hashes).toHaveLength(10);
    for (const h of hashes) expect(recoveryCodes).not.toContain(h.codeHash);
    expect(await prisma.auditLog.count({ where: { action: "admin.second_factor_enrolled", targetId: admin.id } })).toBe(1);

    // A second tab that showed another secret cannot replace the first.
    const other = newTotpSecret();
    clock.advance(60_000);
    await expect(enrollSecondFactor(prisma, admin.id, other, codeAt(other, clock), clock)).rejects.toMatchObject({ messageKey: "errors.second_factor_already_set" });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).totpSecret).toBe(secret);
  });

  it("a code works once: the same code, or an older one, is refused after it was accepted; the next step's works", async () => {
    const { admin, secret, clock } = await enrolledAdmin();
    clock.advance(30_000);
    const code = codeAt(secret, clock);
    await expect(verifySecondFactor(prisma, admin.id, code, clock)).resolves.toEqual({ method: "totp" });
    await expect(verifySecondFactor(prisma, admin.id, code, clock)).rejects.toMatchObject({ code: "invalid_second_factor" });
    await expect(verifySecondFactor(prisma, admin.id, totpCode(secret, stepAt(clock.now()) - 1), clock)).rejects.toMatchObject({ code: "invalid_second_factor" });
    clock.advance(30_000);
    await expect(verifySecondFactor(prisma, admin.id, codeAt(secret, clock), clock)).resolves.toEqual({ method: "totp" });
    // Two tabs racing with one fresh code: exactly one succeeds.
    clock.advance(30_000);
    const fresh = codeAt(secret, clock);
    const results = await Promise.allSettled([1, 2, 3].map(() => verifySecondFactor(prisma, admin.id, fresh, clock)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("a recovery code replaces a code once, in any case and with or without its dash, and is audited", async () => {
    const { admin, recoveryCodes, clock } = await enrolledAdmin();
    await expect(verifySecondFactor(prisma, admin.id, recoveryCodes[3].toUpperCase().replace("-", ""), clock)).resolves.toEqual({ method: "recovery", left: 9 });
    await expect(verifySecondFactor(prisma, admin.id, recoveryCodes[3], clock)).rejects.toMatchObject({ code: "invalid_second_factor" });
    expect(await prisma.auditLog.count({ where: { action: "admin.recovery_code_used" } })).toBe(1);
    const other = await enrolledAdmin();
    await expect(verifySecondFactor(prisma, admin.id, other.recoveryCodes[0], clock)).rejects.toMatchObject({ code: "invalid_second_factor" });
  });

  it("five wrong codes lock the second step, even for the right code, until the lock ends", async () => {
    const { admin, secret, clock } = await enrolledAdmin();
    for (let i = 0; i < 5; i++) await expect(verifySecondFactor(prisma, admin.id, "123456", clock)).rejects.toMatchObject({ code: "invalid_second_factor" });
    clock.advance(30_000);
    await expect(verifySecondFactor(prisma, admin.id, codeAt(secret, clock), clock)).rejects.toMatchObject({ code: "login_locked" });
    clock.advance(16 * 60_000);
    await expect(verifySecondFactor(prisma, admin.id, codeAt(secret, clock), clock)).resolves.toEqual({ method: "totp" });
  });

  it("the pending token is only good for an administrator whose session version has not moved", async () => {
    const admin = await createUser("ADMIN");
    const buyer = await createUser("BUYER");
    const user = await prisma.user.findUniqueOrThrow({ where: { id: admin.id } });
    const token = await issuePendingToken(user);
    const pending = await pendingAdmin(prisma, await readPendingToken(token));
    expect(pending).toMatchObject({ enrolling: true, enrollSecret: expect.stringMatching(/^[A-Z2-7]{32}$/) });
    expect(await readPendingToken(`${token}x`)).toBeNull();
    expect(await readPendingToken(undefined)).toBeNull();
    const buyerRow = await prisma.user.findUniqueOrThrow({ where: { id: buyer.id } });
    expect(await pendingAdmin(prisma, await readPendingToken(await issuePendingToken(buyerRow)))).toBeNull();
    await prisma.user.update({ where: { id: admin.id }, data: { passwordHash: "changed" } });
    expect(await pendingAdmin(prisma, await readPendingToken(token))).toBeNull();
  });

  it("the database keeps second factors to administrators, and a secret only once it is confirmed", async () => {
    const buyer = await createUser("BUYER");
    await expect(prisma.user.update({ where: { id: buyer.id }, data: { totpSecret: newTotpSecret(), totpEnabledAt: new Date() } })).rejects.toThrow(/users_totp_only_for_admins/);
    const admin = await createUser("ADMIN");
    await expect(prisma.user.update({ where: { id: admin.id }, data: { totpSecret: newTotpSecret() } })).rejects.toThrow(/users_totp_confirmed/);
  });
});
