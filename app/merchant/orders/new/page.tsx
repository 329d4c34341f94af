import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NewOrderForm } from "@/components/orders/new-order-form";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireArea } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { getOwnMerchantOrThrow } from "@/lib/merchants/get-own-merchant";
import { pricingFor } from "@/lib/settings/settings";

export async function generateMetadata() {
  return { title: (await getTranslations("orders"))("newTitle") };
}

export default async function NewOrderPage() {
  const user = await requireArea("merchant");
  const t = await getTranslations("orders");
  const tRisk = await getTranslations("adminMerchants.risk");
  const merchant = await getOwnMerchantOrThrow(prisma, user);
  const approved = merchant.status === "APPROVED" && merchant.riskLevel;
  const pricing = approved ? await pricingFor(merchant.riskLevel!) : null;
  return (
    <>
      <PageHeader title={t("newTitle")} description={t("newDescription")} />
      <Card>
        {approved && pricing ? (
          <NewOrderForm pricing={{ feeRateBps: pricing.feeRateBps, reserveRateBps: pricing.reserveRateBps, reserveDays: pricing.reserveDays, risk: tRisk(merchant.riskLevel!) }} />
        ) : (
          <div className="space-y-3">
            <Alert tone={merchant.status === "SUSPENDED" ? "warning" : "info"}>{merchant.status === "SUSPENDED" ? t("suspended") : t("notApproved")}</Alert>
            {merchant.status !== "SUSPENDED" ? (
              <Link href="/merchant" className={buttonClass("secondary")}>
                {t("toApplication")}
              </Link>
            ) : null}
          </div>
        )}
      </Card>
    </>
  );
}
