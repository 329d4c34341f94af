import { getLocale, getTranslations } from "next-intl/server";
import { SalesChart } from "@/components/charts/sales-chart";
import { Card, Stat } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { requireAdmin } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { formatBps, formatPer10k } from "@/lib/fund/format";
import { fundAdminOverview, yieldSeries } from "@/lib/fund/overview";
import { rateForDay, rateHistory, sevenDayAnnualBps } from "@/lib/fund/rates";
import { formatFen } from "@/lib/money/fen";
import { formatDateTime } from "@/lib/time/format";
import { addDays, daysBetween, platformDayOf } from "@/lib/time/platform-day";
import { RateForm } from "./rate-form";

export async function generateMetadata() {
  return { title: (await getTranslations("adminFund"))("title") };
}

const DAYS = 30;

/** The platform's view of the fund: its size, holders, redemptions on their way, the yield paid, and its rate. */
export default async function AdminFundPage() {
  const user = await requireAdmin("fund.view");
  const t = await getTranslations("adminFund");
  const locale = await getLocale();
  const today = platformDayOf(new Date());
  const [overview, history, todayRate, week] = await Promise.all([
    fundAdminOverview(prisma, user, DAYS),
    rateHistory(prisma, 50),
    rateForDay(prisma, today),
    yieldSeries(prisma, 1),
  ]);
  // Every one of the last 30 days, a day not accrued (yet) as ¥0.00, so the chart's days are evenly spaced.
  const paidByDay = new Map(overview.days.map((d) => [d.day, d.creditedFen]));
  const chartDays = daysBetween(addDays(today, -DAYS), addDays(today, -1)).map((day) => ({ day, totalFen: (paidByDay.get(day) ?? 0n).toString() }));
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-5">
        <Stat label={t("size")} value={formatFen(overview.sizeFen)} testId="admin-fund-size" />
        <Stat label={t("holders")} value={overview.holders} testId="admin-fund-holders" />
        <Stat label={t("pending")} value={`${formatFen(overview.pendingFen)} · ${overview.pendingCount}`} testId="admin-fund-pending" />
        <Stat label={t("todayPer10k")} value={formatPer10k(todayRate ?? 0n)} testId="admin-fund-per10k" />
        <Stat label={t("sevenDay")} value={formatBps(week.at(-1)?.sevenDayBps ?? 0)} />
      </div>
      {overview.nextDueAt ? <p className="mt-2 text-xs text-slate-500">{t("nextDue", { time: formatDateTime(overview.nextDueAt, locale) })}</p> : null}

      <Card title={t("paidTitle", { count: DAYS })} className="mt-6">
        {overview.days.length === 0 ? (
          <p className="text-sm text-slate-500" data-testid="admin-fund-no-days">{t("noDays")}</p>
        ) : (
          <div className="space-y-4">
            <SalesChart points={chartDays} label={t("paidChart")} />
            <Table head={[t("day"), t("per10k"), t("eligible"), t("paid"), t("paidHolders"), t("annual")]} caption={t("paidTitle", { count: DAYS })} numeric={[1, 2, 3, 4, 5]}>
              {overview.days.map((d) => (
                <tr key={d.day} data-testid="admin-fund-day">
                  <Td>{d.day}</Td>
                  <Td className="text-right tabular-nums">{formatPer10k(d.per10kE4)}</Td>
                  <Td className="text-right tabular-nums">{formatFen(d.eligibleFen)}</Td>
                  <Td className="text-right tabular-nums">{formatFen(d.creditedFen)}</Td>
                  <Td className="text-right tabular-nums">{d.holders}</Td>
                  <Td className="text-right tabular-nums">{formatBps(sevenDayAnnualBps([d.per10kE4]))}</Td>
                </tr>
              ))}
            </Table>
          </div>
        )}
      </Card>

      {/* Risk admins read the fund's figures; setting its rate is finance's (lib/auth/admin-roles.ts). */}
      {can(user, "fund.rate") ? (
        <Card title={t("setRate")} className="mt-6">
          <div className="max-w-xl">
            <RateForm today={today} />
          </div>
        </Card>
      ) : null}
      <Card title={t("historyTitle")} className="mt-6">
        {history.length === 0 ? (
          <p className="text-sm text-slate-500">{t("noRates")}</p>
        ) : (
          <Table head={[t("effectiveFrom"), t("per10k"), t("annual"), t("enteredAs"), t("reason"), t("by"), t("at")]} caption={t("historyTitle")} numeric={[1, 2]}>
            {history.map((r) => (
              <tr key={r.id.toString()} data-testid="admin-fund-rate">
                <Td>{r.effectiveFrom}</Td>
                <Td className="text-right tabular-nums">{formatPer10k(r.per10kE4)}</Td>
                <Td className="text-right tabular-nums">{formatBps(r.annualRateBps ?? sevenDayAnnualBps([r.per10kE4]))}</Td>
                <Td>{t(`entered.${r.enteredAs === "ANNUAL" ? "ANNUAL" : "PER_10K"}`)}</Td>
                <Td className="max-w-xs whitespace-normal break-words">{r.reason}</Td>
                <Td>
                  {r.createdBy ? (
                    <>
                      <span className="block">{r.createdBy.name}</span>
                      <span className="block text-xs text-slate-500">{r.createdBy.email}</span>
                    </>
                  ) : (
                    "—"
                  )}
                </Td>
                <Td>{formatDateTime(r.createdAt, locale)}</Td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
    </>
  );
}
