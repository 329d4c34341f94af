import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/components/layout/language-switch";

export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("app");
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex items-center justify-between px-4 py-3">
        <span className="flex items-center gap-2">
          <span className="rounded bg-brand-600 px-2 py-0.5 text-sm font-bold text-white">{t("short")}</span>
          <span className="font-semibold">{t("name")}</span>
        </span>
        <LanguageSwitch />
      </header>
      <main className="flex flex-1 items-start justify-center px-4 py-8 sm:items-center">
        <div className="w-full max-w-md">{children}</div>
      </main>
      <footer className="px-4 py-4 text-center text-xs text-slate-500">{t("tagline")}</footer>
    </div>
  );
}
