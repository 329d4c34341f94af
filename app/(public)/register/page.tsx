import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { RegisterForm } from "@/components/auth/register-form";
import { safeRedirectPath } from "@/lib/http/safe-redirect";

export async function generateMetadata() {
  return { title: (await getTranslations("register"))("title") };
}

export default async function RegisterPage({ searchParams }: { searchParams: Promise<{ role?: string; callbackUrl?: string | string[] }> }) {
  const t = await getTranslations("register");
  const { role, callbackUrl } = await searchParams;
  // Only same-origin paths are followed after sign-up (no open redirect).
  const next = safeRedirectPath(callbackUrl);
  return (
    <Card title={<span data-testid="register-title">{t("title")}</span>}>
      <RegisterForm defaultRole={role === "MERCHANT" ? "MERCHANT" : "BUYER"} locale={await getLocale()} callbackUrl={next} />
      <p className="mt-4 text-sm text-slate-600">
        {t("haveAccount")}{" "}
        <Link href={next ? `/login?callbackUrl=${encodeURIComponent(next)}` : "/login"} className="font-medium text-brand-700 hover:underline">
          {t("signIn")}
        </Link>
      </p>
    </Card>
  );
}
