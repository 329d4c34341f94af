"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { publicAction } from "@/lib/actions/client";
import type { ActionResult } from "@/lib/actions/result";
import { homeFor } from "@/lib/auth/permissions";
import {
  PENDING_COOKIE,
  RECOVERY_COOKIE,
  enrollSecondFactor,
  pendingAdmin,
  readPendingToken,
  recoveryCookieOptions,
  sealRecoveryCodes,
  secondFactorSchema,
  verifySecondFactor,
} from "@/lib/auth/second-factor";
import { startSession } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { DomainError } from "@/lib/errors/domain-error";
import { safeRedirectPath } from "@/lib/http/safe-redirect";

const attempt = publicAction("auth.second_factor", secondFactorSchema, async (input) => {
  const jar = await cookies();
  const pending = await pendingAdmin(prisma, await readPendingToken(jar.get(PENDING_COOKIE)?.value));
  if (!pending || (pending.enrolling && !pending.enrollSecret)) throw new DomainError("unauthenticated", { messageKey: "errors.second_factor_expired" });
  const back = safeRedirectPath(input.callbackUrl);
  const to = back ?? homeFor("ADMIN");
  const { user } = pending;
  if (pending.enrollSecret) {
    const { recoveryCodes } = await enrollSecondFactor(prisma, user.id, pending.enrollSecret, input.code);
    await startSession(user);
    jar.delete({ name: PENDING_COOKIE, path: "/login" });
    // The codes are shown once, on their own page, before going on.
    jar.set(RECOVERY_COOKIE, await sealRecoveryCodes(user.id, recoveryCodes), recoveryCookieOptions());
    return { to: `/login/recovery-codes${back ? `?callbackUrl=${encodeURIComponent(back)}` : ""}` };
  }
  await verifySecondFactor(prisma, user.id, input.code);
  await startSession(user);
  jar.delete({ name: PENDING_COOKIE, path: "/login" });
  return { to };
});

/** The second step of an administrator's sign-in: a code from the authenticator app, or a recovery code. */
export async function secondFactor(previous: unknown, form: FormData): Promise<ActionResult<never>> {
  const result = await attempt(previous, form);
  if (result.ok) redirect(result.data.to);
  return result;
}
