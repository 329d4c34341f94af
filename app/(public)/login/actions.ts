"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { publicAction } from "@/lib/actions/client";
import type { ActionResult } from "@/lib/actions/result";
import { clientIp } from "@/lib/auth/client-ip";
import { authenticate, loginSchema } from "@/lib/auth/login";
import { homeFor } from "@/lib/auth/permissions";
import { startSession } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { setLocaleCookie } from "@/lib/i18n/locale-cookie";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";

const attempt = publicAction("auth.login", loginSchema, async (input) => {
  const user = await authenticate(prisma, { email: input.email, password: input.password, ip: clientIp(await headers()) });
  await startSession(user);
  // The account's language wins over whatever this browser had.
  await setLocaleCookie(isLocale(user.locale) ? user.locale : DEFAULT_LOCALE);
  return { to: safeRedirectPath(input.callbackUrl) ?? homeFor(user.role) };
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
