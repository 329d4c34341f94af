"use server";

import { redirect } from "next/navigation";
import { revokeUserSessions } from "@/lib/auth/revoke";
import { endSession, getSession } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { safeRedirectPath } from "@/lib/http/safe-redirect";

async function endEverySession() {
  const user = await getSession();
  if (user) await revokeUserSessions(prisma, user.userId);
  await endSession();
}

/**
 * Sign-out ends every session of the user, not only this browser's cookie: a copy of the cookie saved
 * elsewhere is refused from now on. A plain form post, so it works without JavaScript.
 */
export async function signOut(): Promise<void> {
  await endEverySession();
  redirect("/login");
}

/**
 * "Use another account": signs out as above, then opens the sign-in page that leads back to where the user
 * was (a payment link opened with a merchant's account). Only a same-site path is followed.
 */
export async function switchAccount(form: FormData | null): Promise<void> {
  const back = safeRedirectPath(form instanceof FormData ? form.get("callbackUrl") : undefined);
  await endEverySession();
  redirect(back ? `/login?callbackUrl=${encodeURIComponent(back)}` : "/login");
}
