import { getTranslations } from "next-intl/server";
import { DisputeList } from "@/components/disputes/dispute-list";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireArea } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { listOwnDisputes } from "@/lib/disputes/queries";

export async function generateMetadata() {
  return { title: (await getTranslations("disputes"))("listTitle") };
}

export default async function MerchantDisputesPage() {
  const user = await requireArea("merchant");
  const t = await getTranslations("disputes");
  return (
    <>
      <PageHeader title={t("listTitle")} />
      <Card><DisputeList disputes={await listOwnDisputes(prisma, user)} base="/merchant/disputes" /></Card>
    </>
  );
}
