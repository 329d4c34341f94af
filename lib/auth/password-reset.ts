import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { inTransaction, type Db, type Tx } from "@/lib/db/transaction";
import { queueEmail } from "@/lib/email/queue";
import { DomainError } from "@/lib/errors/domain-error";
import { type Clock, HOUR, MINUTE, systemClock } from "@/lib/time/clock";
import { emailText, secretText } from "@/lib/validation/text";
import { hashPassword, passwordProblem } from "./password";
import { clearFailures, emailKey } from "./throttle";

export const RESET = {
  /** A link works for this long after the request, once. */
  ttlMs: 30 * MINUTE,
  /** Requests counted over this window… */
  windowMs: HOUR,
  /** …at most this many for one email (whether or not an account has it)… */
  perEmail: 3,
  /** …and this many from one client address. */
  perAddress: 10,
} as const;

export const forgotPasswordSchema = z.object({ email: emailText() });

/**
 * A reset token as it appears in links: 32 random bytes, base64url. Anything else is not worth a lookup, and
 * gets the same answer as a link that does not exist (the form shows this field's error as that answer).
 */
const tokenField = z
  .string({ error: "errors.reset_link_invalid" })
  .regex(/^[A-Za-z0-9_-]{43}$/, { error: "errors.reset_link_invalid" });

export const resetPasswordSchema = z.object({
  token: tokenField,
  password: secretText({ max: 200, tooLong: "validation.password.tooLong" }),
  confirmPassword: secretText({ max: 200, tooLong: "validation.password.tooLong" }),
});

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

async function lockKey(tx: Tx, key: string) {
  // Requests for one email (or from one address) are counted one at a time, so concurrent ones cannot all
  // slip under the limit.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
}

/**
 * "Forgot password": records the request and, when an account has this email, writes a reset email into the
 * outbox (its link is made when it is sent, lib/email/kinds.ts). The caller answers the same whether or not
 * the account exists. Every request counts against the limits per email and per client address, known
 * email or not, so the limits cannot tell either; past a limit the request is refused and nothing is sent.
 */
export async function requestPasswordReset(db: PrismaClient, input: { email: string; ip: string | null }, clock: Clock = systemClock): Promise<void> {
  const { email } = forgotPasswordSchema.parse({ email: input.email });
  const now = clock.now();
  const since = new Date(now.getTime() - RESET.windowMs);
  await inTransaction(db, async (tx) => {
    await lockKey(tx, `password-reset:email:${email}`);
    if (input.ip) await lockKey(tx, `password-reset:ip:${input.ip}`);
    const recent = await tx.passwordReset.findMany({
      where: { createdAt: { gt: since }, OR: [{ email }, ...(input.ip ? [{ ip: input.ip }] : [])] },
      select: { email: true, ip: true, createdAt: true },
      orderBy: { createdAt: "asc" },
    });
    // With the limit reached, the next request is possible when the oldest request that counts leaves the window.
    const freeAt = (rows: { createdAt: Date }[], limit: number) => (rows.length >= limit ? rows[rows.length - limit].createdAt.getTime() + RESET.windowMs : 0);
    const until = Math.max(
      freeAt(recent.filter((r) => r.email === email), RESET.perEmail),
      input.ip ? freeAt(recent.filter((r) => r.ip === input.ip), RESET.perAddress) : 0,
    );
    if (until > now.getTime()) throw new DomainError("rate_limited", { params: { minutes: Math.max(1, Math.ceil((until - now.getTime()) / MINUTE)) } });
    const user = await tx.user.findUnique({ where: { email }, select: { id: true } });
    const reset = await tx.passwordReset.create({
      data: { email, userId: user?.id ?? null, ip: input.ip, createdAt: now, expiresAt: new Date(now.getTime() + RESET.ttlMs) },
    });
    if (user) await queueEmail(tx, { userId: user.id, kind: "password.reset", params: { resetId: reset.id }, dedupeKey: `password.reset:${reset.id}` });
  });
}

/**
 * Makes the link of a reset email as it is sent: a fresh random token whose SHA-256 alone is stored. Null when
 * the request has no account, was used or voided, or expired before its email could go (then none is sent).
 */
export async function issueResetLink(tx: Tx, resetId: string, now: Date): Promise<{ token: string; minutes: number } | null> {
  const [row] = await tx.$queryRaw<{ id: string; user_id: string | null; expires_at: Date; used_at: Date | null }[]>`
    SELECT id, user_id, expires_at, used_at FROM password_resets WHERE id = ${resetId} FOR UPDATE`;
  if (!row?.user_id || row.used_at || row.expires_at <= now) return null;
  const token = randomBytes(32).toString("base64url");
  await tx.passwordReset.update({ where: { id: row.id }, data: { tokenHash: hashToken(token) } });
  return { token, minutes: Math.max(1, Math.floor((row.expires_at.getTime() - now.getTime()) / MINUTE)) };
}

/** Whether a reset link can still be used: the reset page shows its form only then. */
export async function isResetLinkValid(db: Db, token: string, clock: Clock = systemClock): Promise<boolean> {
  if (!tokenField.safeParse(token).success) return false;
  const row = await db.passwordReset.findUnique({ where: { tokenHash: hashToken(token) }, select: { userId: true, usedAt: true, expiresAt: true } });
  return !!row?.userId && !row.usedAt && row.expiresAt > clock.now();
}

const invalidLink = () => new DomainError("not_found", { messageKey: "errors.reset_link_invalid" });

/**
 * Sets a new password from a reset link. The link works once, within its 30 minutes; a password the rules
 * refuse leaves it usable. The new password ends every session of the user (the users trigger raises the
 * session version), voids every other reset link they had, and lifts a sign-in lock on their email: whoever
 * holds the link has proved they read that mailbox.
 */
export async function resetPassword(tx: Tx, raw: z.input<typeof resetPasswordSchema>, clock: Clock = systemClock): Promise<{ email: string }> {
  // A token that cannot be a link's is refused exactly like an unknown one, before the other fields.
  if (!tokenField.safeParse(raw.token).success) throw invalidLink();
  const input = resetPasswordSchema.parse(raw);
  const now = clock.now();
  const [row] = await tx.$queryRaw<{ id: string; user_id: string | null; expires_at: Date; used_at: Date | null }[]>`
    SELECT id, user_id, expires_at, used_at FROM password_resets WHERE token_hash = ${hashToken(input.token)} FOR UPDATE`;
  if (!row?.user_id || row.used_at || row.expires_at <= now) throw invalidLink();
  const user = await tx.user.findUniqueOrThrow({ where: { id: row.user_id }, select: { id: true, email: true } });
  const problem = passwordProblem(input.password, user.email);
  if (problem) throw new DomainError("validation", { messageKey: problem, fieldErrors: { password: problem } });
  if (input.confirmPassword !== input.password) {
    throw new DomainError("validation", { messageKey: "validation.password.mismatch", fieldErrors: { confirmPassword: "validation.password.mismatch" } });
  }
  await tx.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(input.password) } });
  await voidResetLinks(tx, user.id, now);
  await clearFailures(tx, emailKey(user.email));
  return { email: user.email };
}

/** Every outstanding reset link of the user stops working (after a reset or a password change). */
export async function voidResetLinks(tx: Tx, userId: string, now: Date) {
  await tx.passwordReset.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
}
