import { getLocale, getTranslations } from "next-intl/server";
import { cancelOrderAction, confirmReceiptAction, extendAction } from "@/app/buyer/orders/actions";
import { ActionForm } from "@/components/orders/action-form";
import { remaining } from "@/components/orders/countdown";
import { OrderLinesTable } from "@/components/orders/lines-table";
import { OrderStatusBadge } from "@/components/orders/status-badge";
import { OrderTimeline } from "@/components/orders/timeline";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireArea } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { orNotFound } from "@/lib/http/not-found";
import { getOrderForBuyerOrThrow, withLines } from "@/lib/escrow/lookup";
import { orderTimeline } from "@/lib/escrow/queries";
import { latestDisputeForOrder } from "@/lib/disputes/queries";
import { isOpen } from "@/lib/disputes/states";
import { OpenDisputeForm } from "@/components/disputes/open-dispute-form";
import { fenToYuanString } from "@/lib/money/fen";
import Link from "next/link";
import { formatDateTime } from "@/lib/time/format";

export default async function BuyerOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireArea("buyer");
  const t = await getTranslations("orders");
  const tCarrier = await getTranslations("carriers");
  const locale = await getLocale();
  const order = await orNotFound(getOrderForBuyerOrThrow(prisma, user, (await params).id).then((o) => withLines(prisma, o)));
  const events = await orderTimeline(prisma, order.id);
  const dispute = await latestDisputeForOrder(prisma, order.id);
  const canDispute = !(dispute && isOpen(dispute.status)) && ["PAID", "SHIPPED", "COMPLETED"].includes(order.status);
  return (
    <>
      <PageHeader
        title={<span data-testid="order-no">{t("orderNo", { no: order.orderNo })}</span>}
        actions={<span data-testid="order-status"><OrderStatusBadge status={order.status} /></span>}
      />
      <div className="grid items-start gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title={t("lines")}>
            <OrderLinesTable order={order} />
          </Card>
          <Card title={t("timeline")}>
            <OrderTimeline events={events} />
          </Card>
        </div>
        <div className="space-y-6">
          {order.status === "SHIPPED" ? (
            <Card title={t("delivery")}>
              <p className="text-sm">{tCarrier(order.carrier as never)} · <span className="font-mono">{order.trackingNo}</span></p>
              {order.autoConfirmAt ? (
                <p className="mt-2 text-sm" data-testid="auto-confirm">
                  {t("autoConfirmIn", { ...remaining(new Date(), order.autoConfirmAt), date: formatDateTime(order.autoConfirmAt, locale) })}
                </p>
              ) : null}
              <div className="mt-4 space-y-3">
                <ActionForm action={confirmReceiptAction} hidden={{ orderId: order.id }} label={t("confirm")} testId="confirm-form" successMessage={t("confirmed")} />
                {!order.extended ? <ActionForm action={extendAction} hidden={{ orderId: order.id }} label={t("extend")} variant="secondary" testId="extend-form" /> : null}
              </div>
            </Card>
          ) : null}
          {dispute ? (
            <Card title={t("dispute")}>
              <Link href={`/buyer/disputes/${dispute.id}`} className="text-brand-700 underline" data-testid="to-dispute">
                {t("viewDispute")}
              </Link>
            </Card>
          ) : null}
          {canDispute ? (
            <Card title={t("problem")}>
              <OpenDisputeForm orderId={order.id} maxYuan={fenToYuanString(order.totalFen - order.refundedFen)} />
            </Card>
          ) : null}
          {order.status === "PAID" ? (
            <Card title={t("waitingForShipment")}>
              {order.shipBy ? <p className="mb-3 text-sm">{t("shipBy", { date: formatDateTime(order.shipBy, locale) })}</p> : null}
              <ActionForm action={cancelOrderAction} hidden={{ orderId: order.id }} label={t("cancel")} variant="danger" testId="cancel-form" />
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
