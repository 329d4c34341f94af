import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { LoginForm } from "@/components/auth/login-form";
import { getSession } from "@/lib/auth/session";
import { homeFor } from "@/lib/auth/permissions";
import { safeRedirectPath } from "@/lib/http/safe-redirect";

export async function generateMetadata() {
  return { title: (await getTranslations("login"))("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[]; reset?: string | string[] }> }) {
  const user = await getSession();
  if (user) redirect(homeFor(user.role));
  const query = await searchParams;
  // Only same-origin paths are followed after sign-in (no open redirect).
  const next = safeRedirectPath(query.callbackUrl);
  const t = await getTranslations("login");
  return (
    <Card title={<span data-testid="login-title">{t("title")}</span>}>
      {query.reset === "1" ? (
        <div className="mb-4" data-testid="reset-done">
          <Alert tone="success">{t("resetDone")}</Alert>
        </div>
      ) : null}
      <LoginForm callbackUrl={next} />
      <p className="mt-3 text-sm">
        <Link href="/forgot-password" className="font-medium text-brand-700 hover:underline" data-testid="forgot-link">
          {t("forgot")}
        </Link>
      </p>
      <p className="mt-4 text-sm text-slate-600">
        {t("noAccount")}{" "}
        <Link href={next ? `/register?callbackUrl=${encodeURIComponent(next)}` : "/register"} className="font-medium text-brand-700 hover:underline">
          {t("register")}
        </Link>
      </p>
    </Card>
  );
}
