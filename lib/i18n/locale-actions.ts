"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { publicAction } from "@/lib/actions/client";
import { prisma } from "@/lib/db/client";
import { setLocaleCookie } from "./locale-cookie";
import { LOCALES } from "./locales";
import { saveUserLocale } from "./set-locale";

/** The language switch: saved in a cookie, and on the account when signed in. */
export const switchLocale = publicAction("locale.switch", z.object({ locale: z.enum(LOCALES) }), async ({ locale }, { user }) => {
  if (user) await saveUserLocale(prisma, user, locale);
  await setLocaleCookie(locale);
  revalidatePath("/", "layout");
  return { locale };
});
