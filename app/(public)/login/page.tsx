import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { LoginForm } from "@/components/auth/login-form";
import { getSession } from "@/lib/auth/session";
import { homeFor } from "@/lib/auth/permissions";
import { localPath, oneOf, readSearchParams, type RawSearchParams } from "@/lib/http/search-params";

export async function generateMetadata() {
  return { title: (await getTranslations("login"))("title") };
}

// Only same-site paths are followed after sign-in (no open redirect); reset=1 after a password reset.
const QUERY = { callbackUrl: localPath, reset: oneOf(["1"]) };

export default async function LoginPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await getSession();
  if (user) redirect(homeFor(user.role));
  const t = await getTranslations("login");
  const { callbackUrl, reset } = readSearchParams(await searchParams, QUERY);
  return (
    <Card heading="h1" title={<span data-testid="login-title">{t("title")}</span>}>
      {reset ? (
        <div className="mb-4" data-testid="reset-done">
          <Alert tone="success">{t("resetDone")}</Alert>
        </div>
      ) : null}
      <LoginForm callbackUrl={callbackUrl} />
      <p className="mt-3 text-sm">
        <Link href="/forgot-password" className="font-medium text-brand-700 hover:underline" data-testid="forgot-link">
          {t("forgot")}
        </Link>
      </p>
      <p className="mt-4 text-sm text-slate-600">
        {t("noAccount")}{" "}
        <Link href={callbackUrl ? `/register?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/register"} className="font-medium text-brand-700 hover:underline">
          {t("register")}
        </Link>
      </p>
    </Card>
  );
}
