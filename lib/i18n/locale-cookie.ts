import "server-only";
import { cookies } from "next/headers";
import { LOCALE_COOKIE, type Locale } from "./locales";

const ONE_YEAR = 60 * 60 * 24 * 365;

/** The interface language of this browser (server actions only: they may set cookies). */
export async function setLocaleCookie(locale: Locale) {
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: ONE_YEAR, sameSite: "lax" });
}
