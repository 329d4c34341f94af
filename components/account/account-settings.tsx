import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import type { SessionUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { getOwnMerchantOrThrow } from "@/lib/merchants/get-own-merchant";
import { ChangePasswordForm } from "./change-password-form";
import { LanguageForm } from "./language-form";
import { ShopNameForm } from "./shop-name-form";

/** Account settings, the same page in every area: who you are, language, password, and a merchant's shop name. */
export async function AccountSettings({ user }: { user: SessionUser }) {
  const t = await getTranslations("account");
  const tRole = await getTranslations("roles");
  const merchant = user.role === "MERCHANT" ? await getOwnMerchantOrThrow(prisma, user) : null;
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid items-start gap-4 lg:grid-cols-2">
        <div className="space-y-4">
          <Card title={t("profile")}>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
              <dt className="text-slate-500">{t("email")}</dt>
              <dd className="break-all text-slate-900" data-testid="account-email">{user.email}</dd>
              <dt className="text-slate-500">{t("name")}</dt>
              <dd className="break-all text-slate-900">{user.name}</dd>
              <dt className="text-slate-500">{t("role")}</dt>
              <dd className="text-slate-900">{tRole(user.role)}</dd>
            </dl>
          </Card>
          <Card title={t("language")}>
            <LanguageForm />
          </Card>
          {merchant ? (
            <Card title={t("shop")}>
              <ShopNameForm current={merchant.displayName} />
            </Card>
          ) : null}
        </div>
        <Card title={t("password")}>
          <p className="mb-3 text-sm text-slate-600">{t("passwordHint")}</p>
          <ChangePasswordForm email={user.email} />
        </Card>
      </div>
    </>
  );
}
