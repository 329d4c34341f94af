import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "./language-switch";

/** The header of pages outside the areas (sign-in, registration, payment links, 403 and 404): brand and language. */
export async function SiteHeader() {
  const t = await getTranslations("app");
  return (
    <header className="flex items-center justify-between px-4 py-3">
      <Link href="/" className="flex items-center gap-2">
        <span className="rounded bg-brand-600 px-2 py-0.5 text-sm font-bold text-white">{t("short")}</span>
        <span className="font-semibold text-slate-900">{t("name")}</span>
      </Link>
      <LanguageSwitch />
    </header>
  );
}
