"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { publicAction } from "@/lib/actions/client";
import type { ActionResult } from "@/lib/actions/result";
import { clientIp } from "@/lib/auth/client-ip";
import { authenticate, loginSchema } from "@/lib/auth/login";
import { homeFor } from "@/lib/auth/permissions";
import { PENDING_COOKIE, pendingCookieOptions, startSecondFactor } from "@/lib/auth/second-factor";
import { startSession } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { setLocaleCookie } from "@/lib/i18n/locale-cookie";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";

const attempt = publicAction("auth.login", loginSchema, async (input) => {
  const user = await authenticate(prisma, { email: input.email, password: input.password, ip: clientIp(await headers()) });
  // The account's language wins over whatever this browser had.
  await setLocaleCookie(isLocale(user.locale) ? user.locale : DEFAULT_LOCALE);
  const back = safeRedirectPath(input.callbackUrl);
  if (user.role === "ADMIN") {
    // No session yet: an administrator proves a second factor first (lib/auth/second-factor.ts).
    (await cookies()).set(PENDING_COOKIE, await startSecondFactor(prisma, user.id), pendingCookieOptions());
    return { to: `/login/second-factor${back ? `?callbackUrl=${encodeURIComponent(back)}` : ""}` };
  }
  await startSession(user);
  return { to: back ?? homeFor(user.role) };
});

/**
 * Sign-in. A server action, so the form always posts (with or without JavaScript) and the password never
 * travels in a URL; Next.js refuses cross-site posts to it.
 */
export async function login(previous: unknown, form: FormData): Promise<ActionResult<never>> {
  const result = await attempt(previous, form);
  if (result.ok) redirect(result.data.to);
  return result;
}
