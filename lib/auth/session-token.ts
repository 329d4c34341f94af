import { decode, encode } from "next-auth/jwt";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/db/transaction";
import type { Actor } from "./actor";

export type SessionUser = Actor & { email: string; name: string };

/** A session lasts 8 hours from sign-in, unless it is revoked earlier (lib/auth/revoke.ts). */
export const SESSION_MAX_AGE_S = 8 * 60 * 60;

const secure = () => (process.env.NEXTAUTH_URL ?? "").startsWith("https://");

/** next-auth v4's cookie name, so its tooling recognises the session. */
export const sessionCookieName = () => (secure() ? "__Secure-next-auth.session-token" : "next-auth.session-token");

export const sessionCookieOptions = () =>
  ({ httpOnly: true, sameSite: "lax", path: "/", secure: secure(), maxAge: SESSION_MAX_AGE_S }) as const;

function secret(): string {
  const value = process.env.NEXTAUTH_SECRET;
  if (!value) throw new Error("NEXTAUTH_SECRET is not set: start the portal with `npm start`.");
  return value;
}

/** What the token carries. `sv` is the user's session version at sign-in. */
type Claims = { uid: string; sv: number };

/**
 * A signed and encrypted session token (next-auth v4 JWT, A256GCM) for a user who just proved who they are.
 * It carries the user's current session version; raising that version ends the session.
 */
export function issueSessionToken(user: { id: string; email: string; name: string; role: Role; sessionVersion: number }): Promise<string> {
  return encode({
    secret: secret(),
    maxAge: SESSION_MAX_AGE_S,
    token: { sub: user.id, uid: user.id, email: user.email, name: user.name, role: user.role, sv: user.sessionVersion },
  });
}

/** The token's claims, or null when it is missing, tampered with, expired or from before session versions. */
async function readSessionToken(token: string | undefined): Promise<Claims | null> {
  if (!token) return null;
  try {
    const payload = await decode({ token, secret: secret() });
    return typeof payload?.uid === "string" && Number.isInteger(payload.sv) ? { uid: payload.uid, sv: payload.sv as number } : null;
  } catch {
    return null;
  }
}

/**
 * The user a session token belongs to, or null. Checked against the database on every request (one lookup
 * by primary key): a token whose session version is no longer the user's (signed out, suspended, new role
 * or password) is refused at once, however long it had left. The role, sub-role and name come from the database too.
 */
export async function currentSessionUser(db: PrismaClient | Tx, token: string | undefined): Promise<SessionUser | null> {
  const claims = await readSessionToken(token);
  if (!claims) return null;
  const user = await db.user.findUnique({
    where: { id: claims.uid },
    select: { sessionVersion: true, role: true, adminRole: true, email: true, name: true },
  });
  if (!user || user.sessionVersion !== claims.sv) return null;
  return { userId: claims.uid, role: user.role, adminRole: user.adminRole, email: user.email, name: user.name };
}
