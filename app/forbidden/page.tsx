import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getSession } from "@/lib/auth/session";
import { homeFor } from "@/lib/auth/permissions";
import { buttonClass } from "@/components/ui/button";

export default async function Forbidden() {
  const t = await getTranslations("forbidden");
  const user = await getSession();
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
      <p className="text-5xl font-bold text-slate-300">403</p>
      <h1 className="text-xl font-semibold" data-testid="forbidden-title">{t("title")}</h1>
      <p className="text-sm text-slate-600">{t("body")}</p>
      <Link href={user ? homeFor(user.role) : "/login"} className={buttonClass("secondary")}>
        {t("back")}
      </Link>
    </main>
  );
}
