import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { isResetLinkValid } from "@/lib/auth/password-reset";
import { prisma } from "@/lib/db/client";
import { isResetToken } from "@/lib/http/path-id";

export async function generateMetadata() {
  return { title: (await getTranslations("resetPassword"))("title") };
}

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if (!isResetToken(token)) notFound();
  const t = await getTranslations();
  const valid = await isResetLinkValid(prisma, token);
  return (
    <Card title={<span data-testid="reset-title">{t("resetPassword.title")}</span>}>
      {valid ? (
        <>
          <p className="mb-4 text-sm text-slate-600">{t("resetPassword.description")}</p>
          <ResetPasswordForm token={token} />
        </>
      ) : (
        <div className="space-y-4">
          <Alert tone="error">
            <span data-testid="reset-invalid">{t("errors.reset_link_invalid")}</span>
          </Alert>
          <Link href="/forgot-password" className="text-sm font-medium text-brand-700 hover:underline">
            {t("resetPassword.askAgain")}
          </Link>
        </div>
      )}
    </Card>
  );
}
