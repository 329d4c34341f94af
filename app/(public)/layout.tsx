import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/layout/site-header";

export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("app");
  return (
    <div className="flex min-h-screen flex-col">
      <SiteHeader />
      <main className="flex flex-1 items-start justify-center px-4 py-8 sm:items-center">
        <div className="w-full max-w-md">{children}</div>
      </main>
      <footer className="px-4 py-4 text-center text-xs text-slate-600">{t("tagline")}</footer>
    </div>
  );
}
