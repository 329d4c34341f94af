import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import type { Order, OrderEvent, OrderLine } from "@/lib/generated/prisma/client";
import { formatDateTime } from "@/lib/time/format";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { remaining } from "./countdown";
import { OrderLinesTable } from "./lines-table";
import { OrderStatusBadge } from "./status-badge";
import { OrderTimeline } from "./timeline";

/**
 * What the buyer's and the merchant's order pages share: the header with number and status, the lines, the
 * timeline, and the link to the order's dispute. Each page adds its own cards (`main`, `aside`).
 */
export async function OrderFrame({
  order,
  events,
  dispute,
  disputeBase,
  description,
  main,
  aside,
}: {
  order: Order & { lines: OrderLine[] };
  events: OrderEvent[];
  dispute: { id: string } | null;
  disputeBase: string;
  description?: string;
  main?: ReactNode;
  aside: ReactNode;
}) {
  const t = await getTranslations("orders");
  return (
    <>
      <PageHeader
        title={<span data-testid="order-no">{t("orderNo", { no: order.orderNo })}</span>}
        description={description}
        actions={<span data-testid="order-status"><OrderStatusBadge status={order.status} /></span>}
      />
      <div className="grid items-start gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title={t("lines")}>
            <OrderLinesTable order={order} />
          </Card>
          {main}
          <Card title={t("timeline")}>
            <OrderTimeline events={events} />
          </Card>
        </div>
        <div className="space-y-6">
          {dispute ? (
            <Card title={t("dispute")}>
              <Link href={`${disputeBase}/${dispute.id}`} className="text-brand-700 underline" data-testid="to-dispute">
                {t("viewDispute")}
              </Link>
            </Card>
          ) : null}
          {aside}
        </div>
      </div>
    </>
  );
}

/** "Receipt is confirmed automatically in 3 days 4 hours (date)". */
export async function AutoConfirmNote({ at }: { at: Date }) {
  const t = await getTranslations("orders");
  const locale = await getLocale();
  return (
    <p className="text-sm" data-testid="auto-confirm">
      {t("autoConfirmIn", { ...remaining(new Date(), at), date: formatDateTime(at, locale) })}
    </p>
  );
}
