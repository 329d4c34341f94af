import { z } from "zod";
import { secretText, singleLine } from "@/lib/validation/text";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DomainError } from "@/lib/errors/domain-error";
import type { Role } from "@/lib/generated/prisma/enums";
import { type Clock, systemClock } from "@/lib/time/clock";
import { burnPasswordCheck, verifyPassword } from "./password";
import { THROTTLE, clearFailures, emailKey, ipKey, lockedUntil, recordFailure, slowDownMs } from "./throttle";

export type AuthenticatedUser = { id: string; email: string; name: string; role: Role; locale: string; sessionVersion: number };

/**
 * The sign-in form. No rules beyond "filled in" and a sane size: a wrong value is simply a failed attempt. An
 * empty field is asked for ("请输入邮箱") before any account is looked up, so the answer reveals nothing.
 */
export const loginSchema = z.object({
  // Not checked as an email here: a mistyped address gets the same answer as a wrong password.
  email: singleLine({ max: 1000, required: "validation.login.email" }),
  password: secretText({ max: 1000, tooLong: "validation.password.tooLong" }).pipe(z.string().min(1, { error: "validation.login.password" })),
  callbackUrl: singleLine({ max: 2000 }).optional(),
});

type Deps = { clock?: Clock; sleep?: (ms: number) => Promise<void> };
const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Checks an email and password. The answer never tells whether the email exists: an unknown email costs
 * the same password check, is counted and locked like a known one, and gets the same message.
 * Repeated failures for one email or one client address are slowed down, then locked for a while. The
 * address comes from the web server (lib/auth/client-ip.ts); without one only the email is counted, so that
 * failures by anyone never lock out everyone.
 */
export async function authenticate(
  db: PrismaClient,
  input: { email: string; password: string; ip: string | null },
  deps: Deps = {},
): Promise<AuthenticatedUser> {
  const now = (deps.clock ?? systemClock).now();
  const sleep = deps.sleep ?? realSleep;
  const email = input.email.trim().toLowerCase();
  const keys = [emailKey(email), ...(input.ip ? [ipKey(input.ip)] : [])];
  for (const key of keys) {
    const until = await lockedUntil(db, key, now);
    if (until) {
      throw new DomainError("login_locked", { params: { minutes: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000)) } });
    }
  }
  const user = email && input.password ? await db.user.findUnique({ where: { email } }) : null;
  const ok = user ? await verifyPassword(user.passwordHash, input.password) : (await burnPasswordCheck(input.password), false);
  if (!ok || !user) {
    const emailFailures = await recordFailure(db, keys[0], THROTTLE.emailLimit, now);
    const ipFailures = keys[1] ? await recordFailure(db, keys[1], THROTTLE.ipLimit, now) : 0;
    await sleep(slowDownMs(Math.max(emailFailures, ipFailures)));
    throw new DomainError("invalid_credentials");
  }
  await clearFailures(db, keys[0]);
  return { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale, sessionVersion: user.sessionVersion };
}
