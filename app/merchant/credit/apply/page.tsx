import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { ApplyForm } from "@/components/credit/apply-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireArea } from "@/lib/auth/session";
import { applyContext } from "@/lib/credit/views";
import { prisma } from "@/lib/db/client";
import { idCursor, readSearchParams, type RawSearchParams } from "@/lib/http/search-params";

export async function generateMetadata() {
  return { title: (await getTranslations("credit"))("apply") };
}

const QUERY = { order: idCursor };

export default async function ApplyForLoanPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireArea("merchant");
  const { order } = readSearchParams(await searchParams, QUERY);
  const t = await getTranslations("credit");
  const c = await applyContext(prisma, user, new Date());
  if (c.merchantStatus !== "APPROVED") redirect("/merchant/credit");
  const orders = c.orders.map((o) => ({ id: o.orderId, orderNo: o.orderNo, maxFen: String(o.maxFen), expectedDay: o.expectedDay }));
  return (
    <>
      <PageHeader title={t("apply")} description={t("description")} />
      <Card>
        <ApplyForm
          creditRateE8={String(c.creditRateE8)}
          orderRateE8={String(c.rates.orderLoan)}
          grade={c.line?.grade ?? "—"}
          availableFen={String(c.line?.availableFen ?? 0n)}
          minFen={String(c.minLoanFen)}
          today={c.today}
          orders={orders}
          initialOrder={order && orders.some((o) => o.id === order) ? order : undefined}
        />
      </Card>
    </>
  );
}
