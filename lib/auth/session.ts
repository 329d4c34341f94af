import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { prisma } from "@/lib/db/client";
import { can, canEnterArea, type Area, type Permission } from "./permissions";
import { currentSessionUser, sessionCookieName, sessionCookieOptions, issueSessionToken, type SessionUser } from "./session-token";

export type { SessionUser };

/**
 * The signed-in user, or null. Cached per request: every component and action shares one lookup. A revoked
 * session (lib/auth/revoke.ts) is null here from the next request on.
 */
export const getSession = cache(async (): Promise<SessionUser | null> => {
  const token = (await cookies()).get(sessionCookieName())?.value;
  return currentSessionUser(prisma, token);
});

/** For area layouts and pages: signed in with the area's role, or sent away. */
export async function requireArea(area: Area): Promise<SessionUser> {
  const user = await getSession();
  if (!user) redirect(`/login?callbackUrl=/${area}`);
  if (!canEnterArea(user.role, area)) redirect("/forbidden");
  return user;
}

/**
 * For admin pages: an administrator whose sub-role holds `permission` (lib/auth/admin-roles.ts), or the
 * forbidden page. Every admin page calls this (a test reads the pages to make sure).
 */
export async function requireAdmin(permission: Permission): Promise<SessionUser> {
  const user = await requireArea("admin");
  if (!can(user, permission)) redirect("/forbidden");
  return user;
}

/** Signs the user in on this browser (server actions only: they may set cookies). */
export async function startSession(user: Parameters<typeof issueSessionToken>[0]) {
  (await cookies()).set(sessionCookieName(), await issueSessionToken(user), sessionCookieOptions());
}

/** Forgets the session on this browser. Revoking it everywhere is revokeUserSessions. */
export async function endSession() {
  // Overwritten with the same attributes: a __Secure- cookie is only replaced by a Secure one.
  (await cookies()).set(sessionCookieName(), "", { ...sessionCookieOptions(), maxAge: 0 });
}
