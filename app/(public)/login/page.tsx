import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { LoginForm } from "@/components/auth/login-form";
import { getSession } from "@/lib/auth/session";
import { homeFor } from "@/lib/auth/permissions";

export async function generateMetadata() {
  return { title: (await getTranslations("login"))("title") };
}

/** Only same-site paths are followed after sign-in (no open redirect). */
const safeCallback = (value: string | undefined) => (value && /^\/(?!\/)/.test(value) ? value : undefined);

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const user = await getSession();
  if (user) redirect(homeFor(user.role));
  const t = await getTranslations("login");
  const { callbackUrl } = await searchParams;
  return (
    <Card title={<span data-testid="login-title">{t("title")}</span>}>
      <LoginForm callbackUrl={safeCallback(callbackUrl)} />
      <p className="mt-4 text-sm text-slate-600">
        {t("noAccount")}{" "}
        <Link href={callbackUrl && safeCallback(callbackUrl) ? `/register?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/register"} className="font-medium text-brand-700 hover:underline">
          {t("register")}
        </Link>
      </p>
    </Card>
  );
}
