import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { OrderFrame } from "@/components/orders/order-frame";
import { Card } from "@/components/ui/card";
import { requireAdmin } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { getOrderForAdmin } from "@/lib/escrow/admin-orders";
import { orderTimeline } from "@/lib/escrow/queries";
import { orNotFound } from "@/lib/http/not-found";
import { pageId } from "@/lib/http/path-id";
import { formatFen } from "@/lib/money/fen";
import { formatDateTime } from "@/lib/time/format";

export async function generateMetadata() {
  return { title: (await getTranslations("orders"))("detailTitle") };
}

export default async function AdminOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireAdmin("orders.view_all");
  const t = await getTranslations("adminOrders");
  const tOrders = await getTranslations("orders");
  const tCarrier = await getTranslations("carriers");
  const tDispute = await getTranslations("disputes");
  const locale = await getLocale();
  const { order, escrowHeldFen } = await orNotFound(getOrderForAdmin(prisma, user, await pageId(params)));
  const events = await orderTimeline(prisma, order.id);
  const split: [string, bigint | null, string][] = [
    [t("paid"), order.paidAt ? order.totalFen : 0n, "paid"],
    [t("refunded"), order.refundedFen, "refunded"],
    [t("claimed"), order.claimedFen, "claimed"],
    [tOrders("fee"), order.feeFen, "fee"],
    [tOrders("reserve"), order.reserveFen, "reserve"],
    [tOrders("net"), order.netFen, "net"],
    [t("escrowHeld"), escrowHeldFen, "escrow"],
  ];
  return (
    <OrderFrame
      order={order}
      events={events}
      dispute={null}
      disputeBase="/admin/disputes"
      description={formatDateTime(order.createdAt, locale)}
      main={
        <Card title={t("money")}>
          <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4" data-testid="admin-order-money">
            {split.map(([label, value, id]) => (
              <div key={id}>
                <dt className="text-slate-600">{label}</dt>
                <dd className="tabular-nums" data-testid={`money-${id}`}>{value == null ? "—" : formatFen(value)}</dd>
              </div>
            ))}
          </dl>
        </Card>
      }
      aside={
        <>
          <Card title={t("parties")}>
            <dl className="space-y-2 text-sm">
              <div>
                <dt className="text-slate-600">{t("merchant")}</dt>
                <dd><Link href={`/admin/merchants/${order.merchant.id}`} className="text-brand-700 underline">{order.merchant.displayName}</Link></dd>
              </div>
              <div>
                <dt className="text-slate-600">{tOrders("buyer")}</dt>
                <dd>{order.buyer ? `${order.buyer.name} · ${order.buyer.email}` : (order.buyerContact ?? "—")}</dd>
              </div>
            </dl>
          </Card>
          {order.carrier ? (
            <Card title={t("shipping")}>
              <p className="text-sm" data-testid="admin-order-shipping">
                {tCarrier(order.carrier as never)} · <span className="font-mono">{order.trackingNo}</span>
                {order.shippedAt ? <span className="block text-slate-600">{formatDateTime(order.shippedAt, locale)}</span> : null}
              </p>
            </Card>
          ) : null}
          {order.disputes.length > 0 ? (
            <Card title={tOrders("dispute")}>
              <ul className="space-y-2 text-sm" data-testid="admin-order-disputes">
                {order.disputes.map((d) => (
                  <li key={d.id}>
                    <Link href={`/admin/disputes/${d.id}`} className="text-brand-700 underline">{tDispute(`status.${d.status}` as never)}</Link>
                    {" · "}
                    {tDispute("claimed", { amount: formatFen(d.claimedFen) })}
                    {d.afterCompletion ? ` · ${t("afterSale")}` : ""}
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
        </>
      }
    />
  );
}
