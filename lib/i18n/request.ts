import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale } from "./locales";
import { PLATFORM_TIME_ZONE } from "@/lib/time/format";

/**
 * The language comes from the NEXT_LOCALE cookie. A signed-in user's choice is stored on their account too:
 * signing in copies it into the cookie (lib/i18n/locale-actions.ts), so it follows them to any browser.
 */
export default getRequestConfig(async () => {
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(value) ? value : DEFAULT_LOCALE;
  return {
    locale,
    timeZone: PLATFORM_TIME_ZONE,
    messages: (await import(`../../messages/${locale}.json`)).default,
  };
});
