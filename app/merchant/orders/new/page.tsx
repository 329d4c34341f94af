import { getTranslations } from "next-intl/server";
import { NewOrderForm } from "@/components/orders/new-order-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireArea } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { getOwnMerchantOrThrow } from "@/lib/merchants/get-own-merchant";

export async function generateMetadata() {
  return { title: (await getTranslations("orders"))("newTitle") };
}

export default async function NewOrderPage() {
  const user = await requireArea("merchant");
  const t = await getTranslations("orders");
  const merchant = await getOwnMerchantOrThrow(prisma, user);
  return (
    <>
      <PageHeader title={t("newTitle")} description={t("newDescription")} />
      <Card>{merchant.status === "APPROVED" ? <NewOrderForm /> : <Alert tone="info">{t("notApproved")}</Alert>}</Card>
    </>
  );
}
