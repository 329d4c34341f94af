import { getTranslations } from "next-intl/server";
import { LoanView } from "@/components/credit/loan-view";
import { requireArea } from "@/lib/auth/session";
import { merchantLoan } from "@/lib/credit/views";
import { prisma } from "@/lib/db/client";
import { orNotFound } from "@/lib/http/not-found";
import { pageId } from "@/lib/http/path-id";

export async function generateMetadata() {
  return { title: (await getTranslations("credit"))("loan.title") };
}

export default async function MerchantLoanPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireArea("merchant");
  const view = await orNotFound(merchantLoan(prisma, user, await pageId(params)));
  return <LoanView view={view} canRepay />;
}
