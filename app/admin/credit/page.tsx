import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { VintageChart } from "@/components/credit/admin/vintage-chart";
import { loanTone } from "@/components/credit/credit-home";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card, Stat } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { requireAdmin } from "@/lib/auth/session";
import { portfolio, vintages } from "@/lib/credit/portfolio";
import { formatBps } from "@/lib/credit/rates";
import { creditSettings } from "@/lib/credit/settings";
import { reviewQueue } from "@/lib/credit/views";
import { prisma } from "@/lib/db/client";
import { formatFen } from "@/lib/money/fen";
import { formatDateTime } from "@/lib/time/format";

export async function generateMetadata() {
  return { title: (await getTranslations("adminCredit"))("title") };
}

export default async function AdminCreditPage() {
  const user = await requireAdmin("credit.view");
  const t = await getTranslations("adminCredit");
  const tc = await getTranslations("credit");
  const locale = await getLocale();
  const settings = await creditSettings();
  const [queue, book, curve, recent] = await Promise.all([
    reviewQueue(prisma, user),
    portfolio(prisma, settings.nplDays),
    vintages(prisma, new Date()),
    prisma.loan.findMany({ orderBy: { createdAt: "desc" }, take: 20 }),
  ]);
  const cohorts = [...new Set(curve.map((p) => p.cohort))];
  const series = cohorts.map((cohort) => ({ cohort, points: curve.filter((p) => p.cohort === cohort).map((p) => ({ mob: p.monthsOnBook, percent: p.shareBps / 100 })) }));
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <a href="/api/admin/credit-loans" className={buttonClass("secondary")} data-testid="credit-loans-csv">
            {t("csv")}
          </a>
        }
      />
      <Card title={t("queue")}>
        {queue.length === 0 ? (
          <p className="text-sm text-slate-600">{t("queueEmpty")}</p>
        ) : (
          <div data-testid="credit-queue">
            <Table head={[tc("columns.merchant"), tc("columns.product"), tc("columns.amount"), tc("columns.score"), tc("columns.applied"), ""]} caption={t("queue")} numeric={[2, 3]}>
              {queue.map((a) => (
                <tr key={a.id}>
                  <Td>{a.merchant.displayName}</Td>
                  <Td>{tc(`products.${a.product}`)}</Td>
                  <Td className="text-right tabular-nums">{formatFen(a.amountFen)}</Td>
                  <Td className="text-right tabular-nums">
                    {a.assessment.score} · {a.assessment.grade}
                  </Td>
                  <Td>{formatDateTime(a.createdAt, locale)}</Td>
                  <Td label={null}>
                    <Link href={`/admin/credit/applications/${a.id}`} className="text-brand-700 underline">
                      {tc("view")}
                    </Link>
                  </Td>
                </tr>
              ))}
            </Table>
          </div>
        )}
      </Card>

      <h2 className="mt-8 mb-3 text-base font-semibold text-slate-900">{t("portfolio")}</h2>
      <div className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4" data-testid="credit-portfolio">
        <Stat label={t("outstanding")} value={formatFen(book.outstandingFen)} testId="portfolio-outstanding" />
        <Stat label={t("disbursed")} value={formatFen(book.disbursedFen)} testId="portfolio-disbursed" />
        <Stat label={t("repaid")} value={formatFen(book.principalRepaidFen)} />
        <Stat label={t("interestEarned")} value={formatFen(book.interestEarnedFen)} />
        <Stat label={t("interestReceived")} value={formatFen(book.interestReceivedFen)} />
        <Stat label={t("loans")} value={`${book.activeLoans} / ${book.loans}`} />
        <Stat label={t("npl")} value={formatBps(book.nplRateBps)} testId="portfolio-npl" />
      </div>
      <p className="mt-2 text-xs text-slate-500">{t("nplHint", { days: settings.nplDays })}</p>

      <div className="mt-6 grid items-start gap-4 lg:grid-cols-2">
        <Card title={t("buckets")}>
          <Table head={[t("bucket"), t("count"), t("outstanding")]} caption={t("buckets")} numeric={[1, 2]}>
            {book.buckets.map((b) => (
              <tr key={b.bucket} data-testid={`bucket-${b.bucket}`}>
                <Td>{t(`bucketNames.${b.bucket}`)}</Td>
                <Td className="text-right tabular-nums">{b.loans}</Td>
                <Td className="text-right tabular-nums">{formatFen(b.outstandingFen)}</Td>
              </tr>
            ))}
          </Table>
        </Card>
        <Card title={t("vintage")}>
          {series.length === 0 ? <p className="text-sm text-slate-600">{t("vintageEmpty")}</p> : <VintageChart series={series} label={t("vintage")} mobLabel={t("mob")} />}
        </Card>
      </div>

      <Card title={t("recent")} className="mt-6">
        <Table head={[tc("columns.product"), tc("columns.principal"), tc("columns.outstanding"), tc("columns.status"), tc("columns.dpd"), ""]} caption={t("recent")} numeric={[1, 2, 4]}>
          {recent.map((l) => (
            <tr key={l.id}>
              <Td>{tc(`products.${l.product}`)}</Td>
              <Td className="text-right tabular-nums">{formatFen(l.principalFen)}</Td>
              <Td className="text-right tabular-nums">{formatFen(l.principalOutstandingFen)}</Td>
              <Td>
                <Badge tone={loanTone(l.status)}>{tc(`loanStatus.${l.status}`)}</Badge>
              </Td>
              <Td className="text-right tabular-nums">{l.dpd}</Td>
              <Td label={null}>
                <Link href={`/admin/credit/loans/${l.id}`} className="text-brand-700 underline">
                  {tc("view")}
                </Link>
              </Td>
            </tr>
          ))}
        </Table>
      </Card>
    </>
  );
}
