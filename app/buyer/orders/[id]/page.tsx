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
import { fenToYuanString, formatFen } from "@/lib/money/fen";
import { getSetting } from "@/lib/settings/settings";
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
  const merchant = await prisma.merchant.findUniqueOrThrow({ where: { id: order.merchantId }, select: { displayName: true } });
  const held = formatFen(order.totalFen - order.refundedFen);
  const extendDays = await getSetting("order.extendDays");
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
            <>
              {/* Releasing the money and asking for more time are different decisions: separate cards. */}
              <Card title={t("receiptTitle")}>
                <p className="mb-3 text-sm text-slate-600">{t("receiptHint", { amount: held, merchant: merchant.displayName })}</p>
                <ActionForm
                  action={confirmReceiptAction}
                  hidden={{ orderId: order.id }}
                  label={t("confirm")}
                  testId="confirm-form"
                  successMessage={t("confirmed")}
                  confirm={{ title: t("confirmTitle"), body: t("confirmBody", { amount: held, merchant: merchant.displayName }), confirmLabel: t("confirmSubmit"), cancelLabel: t("notYet") }}
                />
              </Card>
              <Card title={t("delivery")}>
                <p className="mb-2 text-sm">{tCarrier(order.carrier as never)} · <span className="font-mono">{order.trackingNo}</span></p>
                {order.autoConfirmAt ? <AutoConfirmNote at={order.autoConfirmAt} /> : null}
                {!order.extended ? (
                  <div className="mt-4 border-t border-slate-100 pt-3">
                    <p className="mb-2 text-xs text-slate-500">{t("extendHint", { days: extendDays })}</p>
                    <ActionForm action={extendAction} hidden={{ orderId: order.id }} label={t("extend")} variant="secondary" testId="extend-form" />
                  </div>
                ) : null}
              </Card>
            </>
          ) : null}
          {canDispute ? (
            <Card title={t("problem")}>
              <OpenDisputeForm orderId={order.id} maxYuan={fenToYuanString(order.totalFen - order.refundedFen)} />
            </Card>
          ) : null}
          {order.status === "PAID" ? (
            <Card title={t("waitingForShipment")}>
              {order.shipBy ? <p className="mb-3 text-sm">{t("shipBy", { date: formatDateTime(order.shipBy, locale) })}</p> : null}
              <ActionForm
                action={cancelOrderAction}
                hidden={{ orderId: order.id }}
                label={t("cancel")}
                variant="danger"
                testId="cancel-form"
                confirm={{ title: t("cancelTitle"), body: t("cancelBody", { amount: held }), confirmLabel: t("cancelSubmit"), cancelLabel: t("keepOrder"), tone: "danger" }}
              />
            </Card>
          ) : null}
        </>
      }
    />
  );
}
