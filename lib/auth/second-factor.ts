import { createHash, randomBytes } from "node:crypto";
import { decode, encode } from "next-auth/jwt";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { inTransaction } from "@/lib/db/transaction";
import { DomainError } from "@/lib/errors/domain-error";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { type Clock, systemClock } from "@/lib/time/clock";
import { singleLine } from "@/lib/validation/text";
import { THROTTLE, clearFailures, lockedUntil, recordFailure } from "./throttle";
import { base32Encode, matchingStep, newTotpSecret } from "./totp";

/**
 * Administrators sign in with a password and then a second factor: a TOTP code from an authenticator app, or
 * one of their recovery codes. Between the two steps the browser holds only a short-lived, encrypted
 * "pending" token (never a session): it names the user and their session version, and, for an administrator
 * without a second factor yet, the secret they are setting up (so it cannot be swapped between showing the QR
 * code and confirming it).
 */
export const PENDING_MAX_AGE_S = 10 * 60;
export const RECOVERY_CODE_COUNT = 10;

type Pending = { uid: string; sv: number; enroll?: string };

function secret(): string {
  const value = process.env.NEXTAUTH_SECRET;
  if (!value) throw new Error("NEXTAUTH_SECRET is not set: start the portal with `npm start`.");
  // A key of its own, so a pending token can never be read as a session token or the other way round.
  return `${value}:second-factor`;
}

export const PENDING_COOKIE = "anxin.second-factor";
export const pendingCookieOptions = () =>
  ({ httpOnly: true, sameSite: "lax", path: "/login", secure: (process.env.NEXTAUTH_URL ?? "").startsWith("https://"), maxAge: PENDING_MAX_AGE_S }) as const;

export const RECOVERY_COOKIE = "anxin.recovery-codes";
export const recoveryCookieOptions = () => ({ ...pendingCookieOptions(), path: "/login/recovery-codes" }) as const;

/**
 * The recovery codes of a set-up that just finished, for the page that shows them once (encrypted, for ten
 * minutes, readable only by the same signed-in administrator). Only their hashes are in the database.
 */
export const sealRecoveryCodes = (userId: string, codes: string[]) =>
  encode({ secret: `${secret()}:recovery`, maxAge: PENDING_MAX_AGE_S, token: { uid: userId, codes } });

export async function openRecoveryCodes(token: string | undefined, userId: string): Promise<string[] | null> {
  if (!token) return null;
  try {
    const payload = await decode({ token, secret: `${secret()}:recovery` });
    return payload?.uid === userId && Array.isArray(payload.codes) ? payload.codes.filter((c): c is string => typeof c === "string") : null;
  } catch {
    return null;
  }
}

/** After the password: the pending token for an administrator (their second factor, or setting one up). */
export async function startSecondFactor(db: PrismaClient, userId: string): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, sessionVersion: true, totpEnabledAt: true } });
  return issuePendingToken(user);
}

export function issuePendingToken(user: { id: string; sessionVersion: number; totpEnabledAt: Date | null }): Promise<string> {
  const claims: Pending = { uid: user.id, sv: user.sessionVersion, ...(user.totpEnabledAt ? {} : { enroll: newTotpSecret() }) };
  return encode({ secret: secret(), maxAge: PENDING_MAX_AGE_S, token: claims });
}

export async function readPendingToken(token: string | undefined): Promise<Pending | null> {
  if (!token) return null;
  try {
    const payload = await decode({ token, secret: secret() });
    if (typeof payload?.uid !== "string" || !Number.isInteger(payload.sv)) return null;
    return { uid: payload.uid, sv: payload.sv as number, ...(typeof payload.enroll === "string" ? { enroll: payload.enroll } : {}) };
  } catch {
    return null;
  }
}

/** The administrator a pending token is for, if the token is still good (same session version, still an admin). */
export async function pendingAdmin(db: PrismaClient, pending: Pending | null) {
  if (!pending) return null;
  const user = await db.user.findUnique({ where: { id: pending.uid } });
  if (!user || user.role !== "ADMIN" || user.sessionVersion !== pending.sv) return null;
  return { user, enrolling: !user.totpEnabledAt, enrollSecret: user.totpEnabledAt ? null : (pending.enroll ?? null) };
}

export const secondFactorSchema = z.object({
  code: singleLine({ max: 40, required: "validation.secondFactor.required" }),
  callbackUrl: singleLine({ max: 2000 }).optional(),
});

const mfaKey = (userId: string) => `mfa:${userId}`;
const hashCode = (code: string) => createHash("sha256").update(code.toLowerCase().replace(/[\s-]/g, "")).digest("hex");

/** Ten codes like "k7m2q-9xw4t": 50 random bits each, easy to read out and type. */
function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const text = base32Encode(randomBytes(7)).slice(0, 10).toLowerCase();
    return `${text.slice(0, 5)}-${text.slice(5)}`;
  });
}

/** Too many wrong codes lock the second step for a while, like wrong passwords lock the first. */
async function refuse(db: PrismaClient, userId: string, now: Date): Promise<never> {
  await recordFailure(db, mfaKey(userId), THROTTLE.emailLimit, now);
  throw new DomainError("invalid_second_factor", { fieldErrors: { code: "errors.invalid_second_factor" } });
}

async function assertNotLocked(db: PrismaClient, userId: string, now: Date) {
  const until = await lockedUntil(db, mfaKey(userId), now);
  if (until) throw new DomainError("login_locked", { params: { minutes: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000)) } });
}

/**
 * Checks the second step for an enrolled administrator. A TOTP code is accepted once: its time step must be
 * later than the last one accepted (one atomic update, so two tabs racing with the same code get one
 * success). A recovery code is spent by the same kind of guarded update, and audited.
 */
export async function verifySecondFactor(db: PrismaClient, userId: string, code: string, clock: Clock = systemClock) {
  const now = clock.now();
  await assertNotLocked(db, userId, now);
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  if (!user.totpSecret) throw new DomainError("invalid_second_factor");
  const step = matchingStep(user.totpSecret, code, now);
  if (step !== null) {
    const taken = await db.user.updateMany({
      where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: BigInt(step) } }] },
      data: { totpLastStep: BigInt(step) },
    });
    if (taken.count === 1) {
      await clearFailures(db, mfaKey(userId));
      return { method: "totp" as const };
    }
    return refuse(db, userId, now);
  }
  if (/^[a-z2-7]{5}-?[a-z2-7]{5}$/i.test(code.trim())) {
    const spent = await inTransaction(db, async (tx) => {
      const used = await tx.recoveryCode.updateMany({ where: { userId, codeHash: hashCode(code), usedAt: null }, data: { usedAt: now } });
      if (used.count === 1) {
        await recordAudit(tx, { actorId: userId, action: "admin.recovery_code_used", targetType: "user", targetId: userId });
      }
      return used.count === 1;
    });
    if (spent) {
      await clearFailures(db, mfaKey(userId));
      return { method: "recovery" as const, left: await db.recoveryCode.count({ where: { userId, usedAt: null } }) };
    }
  }
  return refuse(db, userId, now);
}

/**
 * First sign-in of an administrator: the code from their app proves it holds the secret; then the secret is
 * kept and ten recovery codes are made (shown once; only their hashes are stored). Audited.
 */
export async function enrollSecondFactor(db: PrismaClient, userId: string, enrollSecret: string, code: string, clock: Clock = systemClock) {
  const now = clock.now();
  await assertNotLocked(db, userId, now);
  const step = matchingStep(enrollSecret, code, now);
  if (step === null) return refuse(db, userId, now);
  const codes = newRecoveryCodes();
  const enrolled = await inTransaction(db, async (tx) => {
    const set = await tx.user.updateMany({
      where: { id: userId, role: "ADMIN", totpEnabledAt: null },
      data: { totpSecret: enrollSecret, totpEnabledAt: now, totpLastStep: BigInt(step) },
    });
    if (set.count !== 1) return false;
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId, codeHash: hashCode(c) })) });
    await recordAudit(tx, { actorId: userId, action: "admin.second_factor_enrolled", targetType: "user", targetId: userId });
    return true;
  });
  // Another tab finished the set-up first: this one's secret was never kept.
  if (!enrolled) throw new DomainError("invalid_transition", { messageKey: "errors.second_factor_already_set" });
  await clearFailures(db, mfaKey(userId));
  return { recoveryCodes: codes };
}
