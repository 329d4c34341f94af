import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/layout/site-header";
import { buttonClass } from "@/components/ui/button";
import { getSession } from "@/lib/auth/session";
import { homeFor } from "@/lib/auth/permissions";

export async function generateMetadata() {
  return { title: (await getTranslations("forbidden"))("title") };
}

export default async function Forbidden() {
  const t = await getTranslations("forbidden");
  const user = await getSession();
  return (
    <div className="flex min-h-screen flex-col">
      <SiteHeader />
      <main className="mx-auto flex max-w-md flex-1 flex-col items-center justify-center gap-4 p-6 text-center">
        <p className="text-5xl font-bold text-slate-500" aria-hidden="true">403</p>
        <h1 className="text-xl font-semibold" data-testid="forbidden-title">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("body")}</p>
        <Link href={user ? homeFor(user.role) : "/login"} className={buttonClass("secondary")}>
          {t("back")}
        </Link>
      </main>
    </div>
  );
}
