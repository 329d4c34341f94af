import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { OrderStatusBadge } from "@/components/orders/status-badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireArea } from "@/lib/auth/session";
import { buyerHome } from "@/lib/buyer/home";
import { prisma } from "@/lib/db/client";
import { formatFen } from "@/lib/money/fen";
import { formatDateTime } from "@/lib/time/format";

export async function generateMetadata() {
  return { title: (await getTranslations("nav"))("home") };
}

/** Where a buyer lands: what escrow holds for them, what waits for them, their latest orders. */
export default async function BuyerHome() {
  const user = await requireArea("buyer");
  const t = await getTranslations("buyerHome");
  const locale = await getLocale();
  const home = await buyerHome(prisma, user);
  const waiting = home.toConfirm.length + home.disputes.length;
  return (
    <>
      <PageHeader title={t("title", { name: user.name })} description={t("description")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6" data-testid="escrow-summary">
          <p className="text-sm text-slate-500">{t("held")}</p>
          <p className="mt-1 text-2xl font-semibold tabular-nums text-slate-900" data-testid="escrow-held">{formatFen(home.escrow.heldFen)}</p>
          <p className="mt-1 text-sm text-slate-600" data-testid="escrow-orders">
            {home.escrow.orders > 0 ? t("heldHint", { count: home.escrow.orders }) : t("escrowEmpty")}
          </p>
        </section>
        <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
          <p className="text-sm text-slate-500">{t("balance")}</p>
          <p className="mt-1 text-2xl font-semibold tabular-nums text-slate-900" data-testid="home-balance">{formatFen(home.balanceFen)}</p>
          <Link href="/buyer/wallet" className="mt-1 inline-block text-sm font-medium text-brand-700 hover:underline">
            {home.balanceFen > 0n ? t("toWallet") : t("topUp")}
          </Link>
        </section>
      </div>

      <div className="mt-4 grid items-start gap-4 lg:grid-cols-2">
        <Card title={t("waiting")}>
          {waiting === 0 ? (
            <p className="text-sm text-slate-500" data-testid="nothing-waiting">{t("nothingWaiting")}</p>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm" data-testid="waiting">
              {home.toConfirm.map((o) => (
                <li key={o.id} className="py-2" data-testid="waiting-confirm">
                  <Link href={`/buyer/orders/${o.id}`} className="font-medium text-brand-700 hover:underline">
                    {t("confirmItem", { orderNo: o.orderNo, merchant: o.merchant.displayName })}
                  </Link>
                  <span className="block text-xs text-slate-500">
                    {formatFen(o.totalFen)}
                    {o.autoConfirmAt ? ` · ${t("confirmDeadline", { date: formatDateTime(o.autoConfirmAt, locale) })}` : ""}
                  </span>
                </li>
              ))}
              {home.disputes.map((d) => (
                <li key={d.id} className="py-2" data-testid="waiting-dispute">
                  <Link href={`/buyer/disputes/${d.id}`} className="font-medium text-brand-700 hover:underline">
                    {t("disputeItem", { orderNo: d.order.orderNo })}
                  </Link>
                  <span className="block text-xs text-slate-500">
                    {d.offerFen ? `${t("disputeOffer", { amount: formatFen(d.offerFen) })} · ` : ""}
                    {d.buyerDeadline ? t("disputeDeadline", { date: formatDateTime(d.buyerDeadline, locale) }) : ""}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Card
          title={t("recent")}
          actions={
            home.recent.length > 0 ? (
              <Link href="/buyer/orders" className="text-sm font-medium text-brand-700 hover:underline">
                {t("allOrders")}
              </Link>
            ) : null
          }
        >
          {home.recent.length === 0 ? (
            <div className="space-y-3" data-testid="no-orders">
              <p className="text-sm text-slate-600">{t("noOrders")}</p>
              <Link href="/buyer/wallet" className={buttonClass("secondary")}>
                {t("topUp")}
              </Link>
            </div>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm" data-testid="recent-orders">
              {home.recent.map((o) => (
                <li key={o.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span className="min-w-0">
                    <Link href={`/buyer/orders/${o.id}`} className="font-mono text-brand-700 hover:underline">
                      {o.orderNo}
                    </Link>
                    <span className="block truncate text-xs text-slate-500">{o.merchant.displayName}</span>
                  </span>
                  <span className="flex items-center gap-2">
                    <OrderStatusBadge status={o.status} />
                    <span className="tabular-nums">{formatFen(o.totalFen)}</span>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
