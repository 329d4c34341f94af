import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { RegisterForm } from "@/components/auth/register-form";
import { localPath, oneOf, readSearchParams, type RawSearchParams } from "@/lib/http/search-params";

export async function generateMetadata() {
  return { title: (await getTranslations("register"))("title") };
}

// Only same-site paths are followed after registering (no open redirect).
const QUERY = { role: oneOf(["BUYER", "MERCHANT"]), callbackUrl: localPath };

export default async function RegisterPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const t = await getTranslations("register");
  const { role, callbackUrl: next } = readSearchParams(await searchParams, QUERY);
  return (
    <Card heading="h1" title={<span data-testid="register-title">{t("title")}</span>}>
      <RegisterForm defaultRole={role ?? "BUYER"} locale={await getLocale()} callbackUrl={next} />
      <p className="mt-4 text-sm text-slate-600">
        {t("haveAccount")}{" "}
        <Link href={next ? `/login?callbackUrl=${encodeURIComponent(next)}` : "/login"} className="font-medium text-brand-700 hover:underline">
          {t("signIn")}
        </Link>
      </p>
    </Card>
  );
}
