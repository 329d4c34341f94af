import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { YieldChart } from "@/components/charts/yield-chart";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card, Stat } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import type { SessionUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { formatBps, formatPer10k, per10kYuanNumber, percentNumber } from "@/lib/fund/format";
import { fundAccess } from "@/lib/fund/holder";
import { fundMovements, fundOverview, yieldSeries } from "@/lib/fund/overview";
import { formatFen, fenToYuanString } from "@/lib/money/fen";
import { toQueryString } from "@/lib/http/search-params";
import { formatDateTime } from "@/lib/time/format";
import { addDays, platformDayStart } from "@/lib/time/platform-day";
import { AutoSweepForm } from "./auto-sweep-form";
import { FundMovementList } from "./fund-movements";
import { RedeemForm, SubscribeForm } from "./fund-move-form";

export const FUND_RANGES = ["30", "90"] as const;
export type FundRange = (typeof FUND_RANGES)[number];

/** The fund page of a buyer or an approved merchant: figures, chart, subscribe and redeem, sweep, movements. */
export async function FundView({ user, area, range, cursor }: { user: SessionUser; area: "buyer" | "merchant"; range: FundRange; cursor?: string }) {
  const t = await getTranslations("fund");
  const locale = await getLocale();
  const basePath = `/${area}/fund`;
  const access = await fundAccess(prisma, user);
  if (!access.allowed) {
    return (
      <>
        <PageHeader title={t("title")} description={t("description")} />
        <Card>
          <div className="space-y-3" data-testid="fund-not-approved">
            <Alert tone="info">
              {access.merchantStatus === "SUSPENDED" ? t("notApprovedSuspended") : access.merchantStatus === "REJECTED" ? t("notApprovedRejected") : t("notApproved")}
            </Alert>
            {access.merchantStatus !== "SUSPENDED" ? (
              <Link href="/merchant/onboarding" className={buttonClass("secondary")}>
                {t("toOnboarding")}
              </Link>
            ) : null}
          </div>
        </Card>
      </>
    );
  }
  const [fund, series, page] = await Promise.all([
    fundOverview(prisma, user),
    yieldSeries(prisma, Number(range)),
    fundMovements(prisma, user, { cursor, limit: 20 }),
  ]);
  const tomorrow = platformDayStart(addDays(fund.today, 1)).toISOString();
  const per10kPoints = series.map((p) => ({ day: p.day, value: per10kYuanNumber(p.per10kE4) }));
  const sevenDayPoints = series.map((p) => ({ day: p.day, value: percentNumber(p.sevenDayBps) }));
  const rangeLink = (r: FundRange) => `${basePath}${r === "30" ? "" : `?${toQueryString({ range: r })}`}`;
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-5">
        <Stat label={t("balance")} value={formatFen(fund.balanceFen)} testId="fund-balance" />
        <Stat label={t("yesterdayYield")} value={formatFen(fund.yesterdayYieldFen)} testId="fund-yesterday-yield" />
        <Stat label={t("totalYield")} value={formatFen(fund.totalYieldFen)} testId="fund-total-yield" />
        <Stat label={t("sevenDay")} value={formatBps(fund.sevenDayBps)} testId="fund-seven-day" />
        <Stat label={t("todayPer10k")} value={formatPer10k(fund.todayPer10kE4)} testId="fund-per10k" />
      </div>
      <p className="mt-2 text-xs text-slate-500">{t("t1Note")}</p>

      <Card
        title={t("chartTitle")}
        className="mt-6"
        actions={
          <nav className="flex gap-1" aria-label={t("rangeLabel")}>
            {FUND_RANGES.map((r) => (
              <Link
                key={r}
                href={rangeLink(r)}
                aria-current={r === range ? "page" : undefined}
                className={`rounded-md px-3 py-1 text-sm ${r === range ? "bg-brand-600 text-white" : "border border-slate-300 text-slate-700 hover:bg-slate-50"}`}
                data-testid={`fund-range-${r}`}
              >
                {t("days", { count: Number(r) })}
              </Link>
            ))}
          </nav>
        }
      >
        <div className="grid gap-4 lg:grid-cols-2">
          <figure>
            <figcaption className="mb-1 text-sm font-medium text-slate-700">{t("per10kSeries")}</figcaption>
            <YieldChart points={per10kPoints} unit="yuan" color="#1668dc" label={t("per10kChart", { count: Number(range) })} />
          </figure>
          <figure>
            <figcaption className="mb-1 text-sm font-medium text-slate-700">{t("sevenDaySeries")}</figcaption>
            <YieldChart points={sevenDayPoints} unit="percent" color="#d97706" label={t("sevenDayChart", { count: Number(range) })} />
          </figure>
        </div>
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer text-slate-600">{t("chartFigures")}</summary>
          <Table head={[t("day"), t("per10kSeries"), t("sevenDaySeries")]} caption={t("chartTitle")} numeric={[1, 2]}>
            {series
              .slice()
              .reverse()
              .map((p) => (
                <tr key={p.day}>
                  <Td>{p.day}</Td>
                  <Td className="text-right tabular-nums">{formatPer10k(p.per10kE4)}</Td>
                  <Td className="text-right tabular-nums">{formatBps(p.sevenDayBps)}</Td>
                </tr>
              ))}
          </Table>
        </details>
      </Card>

      <div className="mt-6 grid items-start gap-4 md:grid-cols-2">
        <Card title={t("subscribe")}>
          <SubscribeForm walletFen={fund.walletFen.toString()} />
        </Card>
        <Card title={t("redeem")}>
          <RedeemForm instantLeftFen={fund.instantLeftFen.toString()} arrivesAt={tomorrow} />
          {fund.pending.length ? (
            <div className="mt-4 border-t border-slate-100 pt-3" data-testid="fund-pending">
              <h3 className="mb-2 text-sm font-medium text-slate-700">{t("pendingTitle", { total: formatFen(fund.pendingFen) })}</h3>
              <ul className="space-y-1 text-sm">
                {fund.pending.map((p) => (
                  <li key={p.id.toString()} className="flex flex-wrap justify-between gap-2" data-testid="fund-pending-row">
                    <span className="tabular-nums">{formatFen(p.amountFen)}</span>
                    <span className="text-slate-500">{t("arrivesAt", { time: formatDateTime(p.dueAt, locale) })}</span>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </Card>
      </div>

      <Card title={t("sweep.title")} className="mt-6">
        <div className="max-w-xl">
          <AutoSweepForm enabled={fund.sweep.enabled} floorYuan={fenToYuanString(fund.sweep.floorFen)} />
        </div>
      </Card>

      <Card title={t("movementsTitle")} className="mt-6">
        <FundMovementList movements={page.movements} area={area} />
        <div className="mt-4 flex gap-2">
          {cursor ? (
            <Link href={rangeLink(range)} className={buttonClass("secondary")}>
              {t("firstPage")}
            </Link>
          ) : null}
          {page.nextCursor ? (
            <Link href={`${basePath}?${toQueryString({ range: range === "30" ? undefined : range, cursor: page.nextCursor })}`} className={buttonClass("secondary")} data-testid="fund-older">
              {t("olderPage")}
            </Link>
          ) : null}
        </div>
      </Card>
    </>
  );
}
