import { getTranslations } from "next-intl/server";
import { LoanView } from "@/components/credit/loan-view";
import { requireAdmin } from "@/lib/auth/session";
import { adminLoan } from "@/lib/credit/views";
import { prisma } from "@/lib/db/client";
import { orNotFound } from "@/lib/http/not-found";
import { pageId } from "@/lib/http/path-id";

export async function generateMetadata() {
  return { title: (await getTranslations("credit"))("loan.title") };
}

export default async function AdminLoanPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireAdmin("credit.view");
  const view = await orNotFound(adminLoan(prisma, user, await pageId(params)));
  return <LoanView view={view} canRepay={false} heading={view.merchant.displayName} />;
}
