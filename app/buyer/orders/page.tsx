import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { OrderStatusBadge } from "@/components/orders/status-badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { requireArea } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { listBuyerOrders } from "@/lib/escrow/queries";
import { formatFen } from "@/lib/money/fen";
import { formatDateTime } from "@/lib/time/format";

export async function generateMetadata() {
  return { title: (await getTranslations("orders"))("myOrders") };
}

export default async function BuyerOrdersPage() {
  const user = await requireArea("buyer");
  const t = await getTranslations("orders");
  const locale = await getLocale();
  const orders = await listBuyerOrders(prisma, user);
  return (
    <>
      <PageHeader title={t("myOrders")} />
      <Card>
        {orders.length === 0 ? (
          <div className="space-y-2 text-sm text-slate-600" data-testid="orders-empty">
            <p>{t("emptyBuyer")}</p>
            <Link href="/buyer/wallet" className="text-brand-700 underline">
              {t("toWallet")}
            </Link>
          </div>
        ) : (
          <Table caption={t("myOrders")} head={[t("orderNoColumn"), t("merchant"), t("paidAt"), t("status"), t("total")]} numeric={[4]}>
            {orders.map((o) => (
              <tr key={o.id} data-testid="order-row">
                <Td>
                  <Link href={`/buyer/orders/${o.id}`} className="font-mono text-brand-700 hover:underline">{o.orderNo}</Link>
                </Td>
                <Td>{o.merchant.displayName}</Td>
                <Td>{o.paidAt ? formatDateTime(o.paidAt, locale) : "—"}</Td>
                <Td><OrderStatusBadge status={o.status} /></Td>
                <Td className="text-right tabular-nums">{formatFen(o.totalFen)}</Td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
    </>
  );
}
