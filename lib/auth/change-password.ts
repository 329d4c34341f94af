import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { inTransaction } from "@/lib/db/transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { type Clock, systemClock } from "@/lib/time/clock";
import { secretText } from "@/lib/validation/text";
import { assertRole, type Actor } from "./actor";
import { hashPassword, passwordProblem, verifyPassword } from "./password";
import { voidResetLinks } from "./password-reset";
import { THROTTLE, emailKey, lockedUntil, recordFailure } from "./throttle";

export const changePasswordSchema = z.object({
  // As at sign-in: only a sane size, a wrong value is a failed attempt.
  currentPassword: secretText({ max: 1000, tooLong: "validation.password.tooLong" }),
  newPassword: secretText({ max: 200, tooLong: "validation.password.tooLong" }),
  confirmPassword: secretText({ max: 200, tooLong: "validation.password.tooLong" }),
});

const fieldError = (field: string, key: string) => new DomainError("validation", { messageKey: key, fieldErrors: { [field]: key } });

/**
 * A signed-in user changes their password: the current one is required (a wrong one counts as a failed
 * sign-in for their email, with the same lock), the new one must pass the password rules. The change ends
 * every session of the user (the users trigger raises the session version) and voids their reset links.
 * Returns the user with the new session version, so the caller can issue this browser a fresh session: the
 * one who changed it stays signed in, every other device is signed out. A password changed meanwhile by
 * another session (the hash checked is not the one stored any more) is refused.
 */
export async function changePassword(db: PrismaClient, actor: Actor, raw: z.input<typeof changePasswordSchema>, clock: Clock = systemClock) {
  assertRole(actor, ["BUYER", "MERCHANT", "ADMIN"]);
  const input = changePasswordSchema.parse(raw);
  const now = clock.now();
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { email: true, passwordHash: true } });
  if (!user) throw new DomainError("unauthenticated");
  const key = emailKey(user.email);
  const until = await lockedUntil(db, key, now);
  if (until) throw new DomainError("login_locked", { params: { minutes: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000)) } });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await recordFailure(db, key, THROTTLE.emailLimit, now);
    throw fieldError("currentPassword", "errors.wrong_current_password");
  }
  const problem = passwordProblem(input.newPassword, user.email);
  if (problem) throw fieldError("newPassword", problem);
  if (input.newPassword === input.currentPassword) throw fieldError("newPassword", "validation.password.same");
  if (input.confirmPassword !== input.newPassword) throw fieldError("confirmPassword", "validation.password.mismatch");
  const passwordHash = await hashPassword(input.newPassword);
  return inTransaction(db, async (tx) => {
    const changed = await tx.user.updateMany({ where: { id: actor.userId, passwordHash: user.passwordHash }, data: { passwordHash } });
    if (changed.count !== 1) throw new DomainError("invalid_transition", { messageKey: "errors.password_changed_meanwhile" });
    await voidResetLinks(tx, actor.userId, now);
    return tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { id: true, email: true, name: true, role: true, sessionVersion: true } });
  });
}
