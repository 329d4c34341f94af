import Link from "next/link";
import { getTranslations } from "next-intl/server";
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
  const slices = ORDER_STATUSES.map((s) => ({ name: tStatus(s), value: d.byStatus[s] ?? 0 })).filter((s) => s.value > 0);
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
          <SalesChart points={d.series.map((p) => ({ day: p.day, totalFen: p.totalFen.toString() }))} label={t("dailySales")} />
        </Card>
        <Card title={t("byStatus")}>
          {slices.length ? <StatusChart slices={slices} label={t("byStatus")} /> : <p className="text-sm text-slate-500">{t("noOrders")}</p>}
        </Card>
      </div>
    </div>
  );
}
