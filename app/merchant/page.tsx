import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { MerchantStatusBadge } from "@/components/merchant/status-badge";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card, Stat } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireArea } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { userBalance } from "@/lib/ledger/accounts";
import { getOwnMerchantOrThrow } from "@/lib/merchants/get-own-merchant";
import { formatFen } from "@/lib/money/fen";

export default async function MerchantHome() {
  const user = await requireArea("merchant");
  const t = await getTranslations("merchantHome");
  const merchant = await getOwnMerchantOrThrow(prisma, user);
  const balance = await userBalance(prisma, user.userId);
  return (
    <>
      <PageHeader title={merchant.displayName} description={t("description")} />
      <div className="grid gap-4 md:grid-cols-2">
        <Card title={t("status")}>
          <div className="space-y-3">
            <p data-testid="merchant-status">
              <MerchantStatusBadge status={merchant.status} />
            </p>
            {merchant.status === "APPROVED" ? (
              <Alert tone="success">{t("approved")}</Alert>
            ) : (
              <Alert tone="info">{t("onboarding")}</Alert>
            )}
          </div>
        </Card>
        <div className="space-y-4">
          <Stat label={t("balance")} value={formatFen(balance)} testId="merchant-balance" />
          <Link href="/merchant/wallet" className={buttonClass("secondary")}>
            {t("toWallet")}
          </Link>
        </div>
      </div>
    </>
  );
}
