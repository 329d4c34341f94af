import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/layout/site-header";
import { buttonClass } from "@/components/ui/button";

export async function generateMetadata() {
  return { title: (await getTranslations("notFound"))("title") };
}

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <div className="flex min-h-screen flex-col">
      <SiteHeader />
      <main className="mx-auto flex max-w-md flex-1 flex-col items-center justify-center gap-4 p-6 text-center">
        <p className="text-5xl font-bold text-slate-500" aria-hidden="true">404</p>
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <Link href="/" className={buttonClass("secondary")}>{t("back")}</Link>
      </main>
    </div>
  );
}
