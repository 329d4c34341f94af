import { getLocale, getTranslations } from "next-intl/server";
import { cancelOrderAction, confirmReceiptAction, extendAction } from "@/app/buyer/orders/actions";
import { OpenDisputeForm } from "@/components/disputes/open-dispute-form";
import { ActionForm } from "@/components/orders/action-form";
import { AutoConfirmNote, OrderFrame } from "@/components/orders/order-frame";
import { Card } from "@/components/ui/card";
import { requireArea } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { latestDisputeForOrder } from "@/lib/disputes/queries";
import { isOpen } from "@/lib/disputes/states";
import { getOrderForBuyerOrThrow, withLines } from "@/lib/escrow/lookup";
import { orderTimeline } from "@/lib/escrow/queries";
import { orNotFound } from "@/lib/http/not-found";
import { fenToYuanString } from "@/lib/money/fen";
import { formatDateTime } from "@/lib/time/format";
import { pageId } from "@/lib/http/path-id";

export async function generateMetadata() {
  return { title: (await getTranslations("orders"))("detailTitle") };
}

export default async function BuyerOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireArea("buyer");
  const t = await getTranslations("orders");
  const tCarrier = await getTranslations("carriers");
  const locale = await getLocale();
  const order = await orNotFound(getOrderForBuyerOrThrow(prisma, user, await pageId(params)).then((o) => withLines(prisma, o)));
  const [events, dispute] = await Promise.all([orderTimeline(prisma, order.id), latestDisputeForOrder(prisma, order.id)]);
  const canDispute = !(dispute && isOpen(dispute.status)) && ["PAID", "SHIPPED", "COMPLETED"].includes(order.status);
  return (
    <OrderFrame
      order={order}
      events={events}
      dispute={dispute}
      disputeBase="/buyer/disputes"
      aside={
        <>
          {order.status === "SHIPPED" ? (
            <Card title={t("delivery")}>
              <p className="mb-2 text-sm">{tCarrier(order.carrier as never)} · <span className="font-mono">{order.trackingNo}</span></p>
              {order.autoConfirmAt ? <AutoConfirmNote at={order.autoConfirmAt} /> : null}
              <div className="mt-4 space-y-3">
                <ActionForm action={confirmReceiptAction} hidden={{ orderId: order.id }} label={t("confirm")} testId="confirm-form" successMessage={t("confirmed")} />
                {!order.extended ? <ActionForm action={extendAction} hidden={{ orderId: order.id }} label={t("extend")} variant="secondary" testId="extend-form" /> : null}
              </div>
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
        </>
      }
    />
  );
}
