import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { DEFAULT_LOCALE, isLocale, type Locale } from "./locales";

/** Remembers a signed-in user's language on their account. */
export async function saveUserLocale(db: PrismaClient, actor: Actor, locale: Locale) {
  await db.user.update({ where: { id: actor.userId }, data: { locale } });
}

export async function loadUserLocale(db: PrismaClient, actor: Actor): Promise<Locale> {
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { locale: true } });
  return isLocale(user?.locale) ? user.locale : DEFAULT_LOCALE;
}
