"use server";

import { redirect } from "next/navigation";
import { revokeUserSessions } from "@/lib/auth/revoke";
import { endSession, getSession } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";

/**
 * Sign-out ends every session of the user, not only this browser's cookie: a copy of the cookie saved
 * elsewhere is refused from now on. A plain form post, so it works without JavaScript.
 */
export async function signOut(): Promise<void> {
  const user = await getSession();
  if (user) await revokeUserSessions(prisma, user.userId);
  await endSession();
  redirect("/login");
}
