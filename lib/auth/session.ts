import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Actor } from "./actor";
import { authOptions } from "./options";
import { canEnterArea, type Area } from "./permissions";

export type SessionUser = Actor & { email: string; name: string };

/** The signed-in user, or null. Cached per request: every component and action shares one lookup. */
export const getSession = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  const user = session?.user;
  if (!user?.id || !user.role) return null;
  return { userId: user.id, role: user.role as Role, email: user.email ?? "", name: user.name ?? "" };
});

/** For area layouts and pages: signed in with the area's role, or sent away. */
export async function requireArea(area: Area): Promise<SessionUser> {
  const user = await getSession();
  if (!user) redirect(`/login?callbackUrl=/${area}`);
  if (!canEnterArea(user.role, area)) redirect("/forbidden");
  return user;
}
