import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { OverviewChart } from "@/components/admin/overview-chart";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card, Stat } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { getAdminOverview } from "@/lib/admin/overview";
import { OVERVIEW_PRESETS, OVERVIEW_QUERY, overviewRange } from "@/lib/admin/overview-range";
import { MAX_OVERVIEW_DAYS, platformFigures } from "@/lib/admin/platform-figures";
import { can } from "@/lib/auth/permissions";
import { portfolio } from "@/lib/credit/portfolio";
import { creditSettings } from "@/lib/credit/settings";
import { requireAdmin } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { readSearchParams, type RawSearchParams } from "@/lib/http/search-params";
import { verifyLedger } from "@/lib/ledger/verify";
import { formatFen } from "@/lib/money/fen";
import { addDays, platformDayOf } from "@/lib/time/platform-day";

export async function generateMetadata() {
  return { title: (await getTranslations("adminHome"))("title") };
}

const percent = (bps: number | null) => (bps === null ? "—" : `${(bps / 100).toFixed(2)}%`);

export default async function AdminHome({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireAdmin("admin.view");
  const t = await getTranslations("adminHome");
  if (!can(user, "overview.view")) {
    // Support staff have no platform figures: their home says what their role covers.
    const tRole = await getTranslations("adminRoles");
    const tHint = await getTranslations("adminRoleHints");
    const role = user.adminRole ?? "SUPPORT";
    return (
      <PageHeader
        title={<span data-testid="admin-title">{t("supportTitle", { name: user.name })}</span>}
        description={<span data-testid="admin-role-intro">{t("supportIntro", { role: tRole(role), hint: tHint(role) })}</span>}
      />
    );
  }
  const tStatus = await getTranslations("merchantStatus");
  const locale = await getLocale();
  const today = platformDayOf(new Date());
  const range = overviewRange(readSearchParams(await searchParams, OVERVIEW_QUERY), today);
  const [overview, figures, violations, loans] = await Promise.all([
    getAdminOverview(prisma, user),
    platformFigures(prisma, user, range),
    verifyLedger(prisma),
    creditSettings().then((s) => portfolio(prisma, s.nplDays)),
  ]);
  const { totals, now } = figures;
  const points = figures.days.map((d) => ({
    day: d.day,
    gmv: d.gmvFen.toString(),
    released: d.releasedFen.toString(),
    refunds: d.refundsFen.toString(),
    fees: d.feesFen.toString(),
    ordersPaid: String(d.ordersPaid),
    disputesOpened: String(d.disputesOpened),
  }));
  const input = "min-w-0 rounded-md border border-slate-300 px-2 py-1.5 text-sm";
  return (
    <>
      <PageHeader title={<span data-testid="admin-title">{t("title")}</span>} description={t("description")} />

      <form method="get" className="mb-4 flex flex-wrap items-end gap-2" data-testid="overview-range">
        <label className="flex flex-col text-sm text-slate-600">
          {t("from")}
          <input type="date" name="from" defaultValue={figures.from} className={input} />
        </label>
        <label className="flex flex-col text-sm text-slate-600">
          {t("to")}
          <input type="date" name="to" defaultValue={figures.to} className={input} />
        </label>
        <button type="submit" className={buttonClass("secondary")}>{t("apply")}</button>
        <span className="flex flex-wrap gap-2 text-sm">
          {OVERVIEW_PRESETS.map((n) => (
            <Link key={n} href={`/admin?from=${addDays(today, -(n - 1))}&to=${today}`} className="font-medium text-brand-700 hover:underline">
              {t("lastDays", { count: n })}
            </Link>
          ))}
        </span>
      </form>
      {range.problem ? (
        <Alert tone="warning">
          <span data-testid="range-problem">
            {range.problem === "reversed"
              ? t("rangeReversed", { from: range.asked!.from, to: range.asked!.to })
              : t("rangeTooLong", { from: range.asked!.from, to: range.asked!.to, max: MAX_OVERVIEW_DAYS })}
          </span>
        </Alert>
      ) : null}

      <h2 className="mb-2 mt-4 text-sm font-semibold text-slate-700" data-testid="range-heading">{t("inRange", { from: figures.from, to: figures.to })}</h2>
      <div className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4" data-testid="range-figures">
        <Stat label={t("gmv")} value={formatFen(totals.gmvFen)} testId="overview-gmv" />
        <Stat label={t("ordersPaid")} value={totals.ordersPaid} testId="overview-orders-paid" />
        <Stat label={t("released")} value={formatFen(totals.releasedFen)} testId="overview-released" />
        <Stat label={t("fees")} value={formatFen(totals.feesFen)} testId="overview-fees" />
        <Stat label={t("refunds")} value={formatFen(totals.refundsFen)} testId="overview-refunds" />
        <Stat label={t("disputesOpened")} value={totals.disputesOpened} testId="overview-disputes" />
        <Stat label={t("disputeRate")} value={percent(figures.disputeRateBps)} testId="overview-dispute-rate" />
        <Stat label={t("fundYield")} value={formatFen(totals.fundYieldFen)} testId="overview-fund-yield" />
      </div>

      <div className="mt-4 grid gap-4 lg:grid-cols-2">
        <Card title={t("moneyChart")}>
          <OverviewChart
            points={points}
            money
            label={t("moneyChart")}
            series={[
              { key: "gmv", label: t("gmv"), color: "#1668dc" },
              { key: "released", label: t("released"), color: "#16a34a" },
              { key: "refunds", label: t("refunds"), color: "#dc2626" },
              { key: "fees", label: t("fees"), color: "#9333ea" },
            ]}
          />
        </Card>
        <Card title={t("countChart")}>
          <OverviewChart
            points={points}
            money={false}
            label={t("countChart")}
            series={[
              { key: "ordersPaid", label: t("ordersPaid"), color: "#1668dc" },
              { key: "disputesOpened", label: t("disputesOpened"), color: "#dc2626" },
            ]}
          />
        </Card>
      </div>

      <h2 className="mb-2 mt-6 text-sm font-semibold text-slate-700">{t("now")}</h2>
      <div className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4" data-testid="now-figures">
        <Stat label={t("escrowHeld")} value={formatFen(now.escrowHeldFen)} testId="overview-escrow" />
        <Stat label={t("disputesOpen")} value={now.disputesOpen} testId="overview-disputes-open" />
        <Stat label={t("fundSize")} value={formatFen(now.fundSizeFen)} testId="overview-fund-size" />
        <Stat label={t("fundHolders")} value={now.fundHolders} />
        <Stat label={t("walletTotal")} value={formatFen(now.walletsFen)} />
        <Stat label={t("feeAccount")} value={formatFen(now.feeAccountFen)} />
        <Stat label={t("loansOutstanding")} value={formatFen(loans.outstandingFen)} testId="overview-loans-outstanding" />
        <Stat label={t("nplRate")} value={percent(loans.nplRateBps)} testId="overview-npl" />
        <Stat label={t("buyers")} value={overview.users.BUYER ?? 0} />
        <Stat label={t("merchants")} value={overview.users.MERCHANT ?? 0} />
      </div>

      <div className="mt-6 grid gap-4 md:grid-cols-2">
        <Card title={t("merchantsByStatus")}>
          <ul className="space-y-1 text-sm">
            {Object.entries(overview.merchants).map(([status, count]) => (
              <li key={status} className="flex justify-between">
                <span>{tStatus(status as never)}</span>
                <span className="tabular-nums">{count}</span>
              </li>
            ))}
          </ul>
        </Card>
        <Card title={t("ledgerHealth")}>
          {violations.length === 0 ? (
            <Alert tone="success">{t("ledgerOk")}</Alert>
          ) : (
            <Alert tone="error">
              {t("ledgerBroken", { count: violations.length })}
              <ul className="mt-2 list-disc pl-4">
                {violations.slice(0, 10).map((v, i) => (
                  <li key={i}>{v.detail}</li>
                ))}
              </ul>
            </Alert>
          )}
          <p className="mt-2 text-xs text-slate-500">{t("journals", { count: overview.journals })}</p>
        </Card>
      </div>

      <Card title={t("daily")} className="mt-6">
        <Table
          caption={t("daily")}
          head={[t("day"), t("gmv"), t("ordersPaid"), t("released"), t("refunds"), t("fees"), t("disputesOpened")]}
          numeric={[1, 2, 3, 4, 5, 6]}
        >
          {[...figures.days].reverse().map((d) => (
            <tr key={d.day} data-testid="overview-day">
              <Td className="tabular-nums">{new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", timeZone: "UTC" }).format(new Date(`${d.day}T00:00:00Z`))}</Td>
              <Td className="text-right tabular-nums">{formatFen(d.gmvFen)}</Td>
              <Td className="text-right tabular-nums">{d.ordersPaid}</Td>
              <Td className="text-right tabular-nums">{formatFen(d.releasedFen)}</Td>
              <Td className="text-right tabular-nums">{formatFen(d.refundsFen)}</Td>
              <Td className="text-right tabular-nums">{formatFen(d.feesFen)}</Td>
              <Td className="text-right tabular-nums">{d.disputesOpened}</Td>
            </tr>
          ))}
        </Table>
      </Card>
    </>
  );
}
