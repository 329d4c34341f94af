import { getTranslations } from "next-intl/server";
import { CreditHome } from "@/components/credit/credit-home";
import { requireArea } from "@/lib/auth/session";
import { merchantCredit } from "@/lib/credit/views";
import { prisma } from "@/lib/db/client";

export async function generateMetadata() {
  return { title: (await getTranslations("credit"))("title") };
}

export default async function MerchantCreditPage() {
  const user = await requireArea("merchant");
  return <CreditHome home={await merchantCredit(prisma, user, new Date())} />;
}
