import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { Card } from "@/components/ui/card";

export async function generateMetadata() {
  return { title: (await getTranslations("forgotPassword"))("title") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("forgotPassword");
  return (
    <Card title={<span data-testid="forgot-title">{t("title")}</span>}>
      <p className="mb-4 text-sm text-slate-600">{t("description")}</p>
      <ForgotPasswordForm />
      {process.env.SMTP_URL ? null : <p className="mt-4 text-xs text-slate-500">{t("demoHint")}</p>}
      <p className="mt-4 text-sm">
        <Link href="/login" className="font-medium text-brand-700 hover:underline">
          {t("backToLogin")}
        </Link>
      </p>
    </Card>
  );
}
