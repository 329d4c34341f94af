import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/layout/site-header";
import { buttonClass } from "@/components/ui/button";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  const app = await getTranslations("app");
  return (
    <div className="flex min-h-screen flex-col">
      {/* A not-found page has no metadata of its own: React puts this title in the head. */}
      <title>{`${t("title")} · ${app("name")}`}</title>
      <SiteHeader />
      <main className="mx-auto flex max-w-md flex-1 flex-col items-center justify-center gap-4 p-6 text-center">
        <p className="text-5xl font-bold text-slate-500" aria-hidden="true">404</p>
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <Link href="/" className={buttonClass("secondary")}>{t("back")}</Link>
      </main>
    </div>
  );
}
