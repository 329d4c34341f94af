import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import QRCode from "qrcode";
import { closeUnpaidOrderAction, refundOrderAction, shipOrderAction } from "@/app/merchant/orders/actions";
import { ActionForm } from "@/components/orders/action-form";
import { AutoConfirmNote, OrderFrame } from "@/components/orders/order-frame";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { Field, SelectField } from "@/components/ui/field";
import { requireArea } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { orNotFound } from "@/lib/http/not-found";
import { getOrderForMerchantOrThrow, withLines } from "@/lib/escrow/lookup";
import { orderTimeline } from "@/lib/escrow/queries";
import { latestDisputeForOrder } from "@/lib/disputes/queries";
import { CARRIERS } from "@/lib/escrow/ship";
import { formatFen } from "@/lib/money/fen";
import { formatDateTime } from "@/lib/time/format";
import { pageId } from "@/lib/http/path-id";

export async function generateMetadata() {
  return { title: (await getTranslations("orders"))("detailTitle") };
}

async function payLinkFor(token: string) {
  const h = await headers();
  const base = process.env.NEXTAUTH_URL ?? `http://${h.get("host") ?? "localhost"}`;
  return `${base.replace(/\/$/, "")}/pay/${token}`;
}

export default async function MerchantOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireArea("merchant");
  const t = await getTranslations("orders");
  const tCarrier = await getTranslations("carriers");
  const locale = await getLocale();
  const order = await orNotFound(getOrderForMerchantOrThrow(prisma, user, await pageId(params)).then((o) => withLines(prisma, o)));
  const [events, dispute] = await Promise.all([orderTimeline(prisma, order.id), latestDisputeForOrder(prisma, order.id)]);
  const link = await payLinkFor(order.payToken);
  const qr = order.status === "CREATED" ? await QRCode.toString(link, { type: "svg", margin: 1, width: 180 }) : null;
  const held = order.totalFen - order.refundedFen;
  const buyer = order.buyerId ? await prisma.user.findUnique({ where: { id: order.buyerId }, select: { name: true } }) : null;
  return (
    <OrderFrame
      order={order}
      events={events}
      dispute={dispute}
      disputeBase="/merchant/disputes"
      description={formatDateTime(order.createdAt, locale)}
      main={
        order.status === "COMPLETED" && order.netFen != null ? (
          <Card title={t("settlement")}>
            <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
              <div><dt className="text-slate-500">{t("released")}</dt><dd className="tabular-nums">{formatFen(order.totalFen - order.refundedFen)}</dd></div>
              <div><dt className="text-slate-500">{t("fee")}</dt><dd className="tabular-nums">{formatFen(order.feeFen ?? 0n)}</dd></div>
              <div><dt className="text-slate-500">{t("reserve")}</dt><dd className="tabular-nums">{formatFen(order.reserveFen ?? 0n)}</dd></div>
              <div><dt className="text-slate-500">{t("net")}</dt><dd className="font-semibold tabular-nums" data-testid="order-net">{formatFen(order.netFen)}</dd></div>
            </dl>
          </Card>
        ) : null
      }
      aside={
        <>
          {order.status === "CREATED" ? (
            <Card title={t("payLink")}>
              <p className="break-all text-xs" data-testid="pay-link">{link}</p>
              <div className="mt-2">
                <CopyButton text={link} label={t("copyLink")} copiedLabel={t("copied")} failedLabel={t("copyFailed")} testId="copy-pay-link" />
              </div>
              {qr ? <div className="mt-3 w-44" role="img" aria-label={t("qr")} dangerouslySetInnerHTML={{ __html: qr }} /> : null}
              <p className="mt-2 text-xs text-slate-500">{t("expiresAt", { date: formatDateTime(order.expiresAt, locale) })}</p>
            </Card>
          ) : null}
          {order.status === "CREATED" ? (
            <Card title={t("closeTitle")}>
              <p className="mb-2 text-xs text-slate-500">{t("closeHint")}</p>
              <ActionForm
                action={closeUnpaidOrderAction}
                hidden={{ orderId: order.id }}
                label={t("closeSubmit")}
                variant="secondary"
                testId="close-order-form"
                confirm={{ title: t("closeConfirmTitle"), body: t("closeConfirmBody", { no: order.orderNo }), confirmLabel: t("closeSubmit"), cancelLabel: t("keepOrder"), tone: "danger" }}
              />
            </Card>
          ) : null}
          {order.status === "PAID" ? (
            <Card title={t("ship")}>
              {order.shipBy ? <p className="mb-2 text-xs text-slate-500">{t("shipBy", { date: formatDateTime(order.shipBy, locale) })}</p> : null}
              <ActionForm action={shipOrderAction} hidden={{ orderId: order.id }} label={t("shipSubmit")} testId="ship-form">
                <SelectField label={t("carrier")} name="carrier" defaultValue="SF">
                  {CARRIERS.map((c) => (
                    <option key={c} value={c}>{tCarrier(c)}</option>
                  ))}
                </SelectField>
                <Field label={t("trackingNo")} name="trackingNo" />
              </ActionForm>
            </Card>
          ) : null}
          {order.status === "SHIPPED" && order.autoConfirmAt ? (
            <Card title={t("autoConfirm")}>
              <AutoConfirmNote at={order.autoConfirmAt} />
            </Card>
          ) : null}
          {order.status === "PAID" || order.status === "SHIPPED" ? (
            <Card title={t("refund")}>
              <p className="mb-2 text-xs text-slate-500">{t("held", { amount: formatFen(held) })}</p>
              <ActionForm
                action={refundOrderAction}
                hidden={{ orderId: order.id }}
                label={t("refundSubmit")}
                variant="danger"
                testId="refund-form"
                successMessage={t("refundDone")}
                confirm={{
                  title: t("refundConfirmTitle"),
                  body: t("refundConfirmBody", { buyer: buyer?.name ?? t("theBuyer") }),
                  amount: { field: "amount", label: t("refundConfirmAmount") },
                  confirmLabel: t("refundSubmit"),
                  cancelLabel: t("dontRefund"),
                  tone: "danger",
                }}
              >
                <Field label={t("refundAmount")} name="amount" inputMode="decimal" />
              </ActionForm>
            </Card>
          ) : null}
        </>
      }
    />
  );
}
