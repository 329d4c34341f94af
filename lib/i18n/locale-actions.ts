"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { publicAction } from "@/lib/actions/client";
import { prisma } from "@/lib/db/client";
import { LOCALE_COOKIE, LOCALES } from "./locales";
import { loadUserLocale, saveUserLocale } from "./set-locale";

const ONE_YEAR = 60 * 60 * 24 * 365;

async function setCookie(locale: string) {
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: ONE_YEAR, sameSite: "lax" });
}

/** The language switch: saved in a cookie, and on the account when signed in. */
export const switchLocale = publicAction("locale.switch", z.object({ locale: z.enum(LOCALES) }), async ({ locale }, { user }) => {
  if (user) await saveUserLocale(prisma, user, locale);
  await setCookie(locale);
  revalidatePath("/", "layout");
  return { locale };
});

/** Right after sign-in: the account's language wins over whatever this browser had. */
export const adoptAccountLocale = publicAction("locale.adopt", z.object({}), async (_input, { user }) => {
  if (!user) return { locale: null };
  const locale = await loadUserLocale(prisma, user);
  await setCookie(locale);
  return { locale };
});
