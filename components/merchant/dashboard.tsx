import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { SalesChart } from "@/components/charts/sales-chart";
import { StatusChart } from "@/components/charts/status-chart";
import { buttonClass } from "@/components/ui/button";
import { Card, Stat } from "@/components/ui/card";
import type { SessionUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { merchantDisputeRates } from "@/lib/disputes/queries";
import { merchantDashboard } from "@/lib/escrow/dashboard";
import { ORDER_STATUSES } from "@/lib/escrow/filters";
import { formatFen } from "@/lib/money/fen";

/** Key figures and charts of an approved merchant. */
export async function MerchantDashboard({ user }: { user: SessionUser }) {
  const t = await getTranslations("dashboard");
  const tStatus = await getTranslations("orderStatus");
  const [d, rates] = await Promise.all([merchantDashboard(prisma, user), merchantDisputeRates(prisma, user)]);
  const locale = await getLocale();
  const slices = ORDER_STATUSES.map((s) => ({ name: tStatus(s), value: d.byStatus[s] ?? 0 })).filter((s) => s.value > 0);
  const salesDays = d.series.filter((p) => p.totalFen > 0n).reverse();
  return (
    <div className="space-y-4" data-testid="merchant-dashboard">
      <div className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
        <Stat label={t("salesToday")} value={formatFen(d.salesTodayFen)} testId="sales-today" />
        <Stat label={t("sales7d")} value={formatFen(d.sales7dFen)} />
        <Stat label={t("sales30d")} value={formatFen(d.sales30dFen)} />
        <Stat label={t("refundRate")} value={`${(d.refundRateBps / 100).toFixed(2)}%`} />
        <Stat label={t("held")} value={formatFen(d.heldFen)} testId="escrow-held" />
        <Stat label={t("available")} value={formatFen(d.availableFen)} testId="merchant-balance" />
        <Stat label={t("reserve")} value={formatFen(d.reserveFen)} />
        <Stat label={t("disputeRate")} value={`${(rates.rate30Bps / 100).toFixed(2)}% / ${(rates.rate90Bps / 100).toFixed(2)}%`} testId="dispute-rate" />
        <Stat label={t("lostShare")} value={`${(rates.lostShareBps90 / 100).toFixed(2)}%`} />
        <div className="col-span-2 flex flex-col gap-2 lg:col-span-1">
          <Link href="/merchant/orders/new" className={buttonClass("primary")}>{t("newOrder")}</Link>
          <Link href="/merchant/calendar" className={buttonClass("secondary")}>{t("calendar")}</Link>
        </div>
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <Card title={t("dailySales")} className="lg:col-span-2">
          {salesDays.length ? (
            <>
              <SalesChart points={d.series.map((p) => ({ day: p.day, totalFen: p.totalFen.toString() }))} label={t("dailySales")} />
              {/* The figures themselves, newest first: readable without hovering a bar (phones have no hover). */}
              <div className="mt-3 text-sm" data-testid="sales-figures">
                <p className="font-medium">{t("salesTotal30", { amount: formatFen(d.sales30dFen) })}</p>
                <ul className="mt-1 grid grid-cols-2 gap-x-4 gap-y-0.5 sm:grid-cols-3">
                  {salesDays.map((p) => (
                    <li key={p.day} className="flex justify-between gap-2">
                      <span className="tabular-nums text-slate-500">{formatDay(p.day, locale)}</span>
                      <span className="tabular-nums">{formatFen(p.totalFen)}</span>
                    </li>
                  ))}
                </ul>
              </div>
            </>
          ) : (
            <EmptyWithAction text={t("noSales")} href="/merchant/orders/new" action={t("newOrder")} testId="sales-empty" />
          )}
        </Card>
        <Card title={t("byStatus")}>
          {slices.length ? (
            <StatusChart slices={slices} label={`${t("byStatus")}: ${slices.map((s) => `${s.name} ${s.value}`).join(", ")}`} />
          ) : (
            <EmptyWithAction text={t("noOrders")} href="/merchant/orders/new" action={t("newOrder")} testId="status-empty" />
          )}
        </Card>
      </div>
    </div>
  );
}

/** "11-24" as the reader writes a day: 11月24日 / Nov 24. */
const formatDay = (day: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));

function EmptyWithAction({ text, href, action, testId }: { text: string; href: string; action: string; testId: string }) {
  return (
    <div className="space-y-3 text-sm text-slate-600" data-testid={testId}>
      <p>{text}</p>
      <Link href={href} className={buttonClass("secondary")}>
        {action}
      </Link>
    </div>
  );
}
