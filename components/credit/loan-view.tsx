import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, Stat } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { formatDailyRate } from "@/lib/credit/rates";
import type { merchantLoan } from "@/lib/credit/views";
import { formatFen } from "@/lib/money/fen";
import { formatDateTime } from "@/lib/time/format";
import { loanTone } from "./credit-home";
import { RepayForm } from "./repay-form";
import { ScheduleTable } from "./schedule-table";

type View = Awaited<ReturnType<typeof merchantLoan>>;

/** One loan: what is owed, the next instalment, the schedule with what was paid, the repayments; the repay form for its merchant. */
export async function LoanView({ view, canRepay, heading }: { view: View; canRepay: boolean; heading?: string }) {
  const t = await getTranslations("credit");
  const locale = await getLocale();
  const { loan, instalments, repayments, owedFen, nextDue } = view;
  return (
    <>
      <PageHeader
        title={heading ?? t("loan.title")}
        description={`${t(`products.${loan.product}`)} · ${t(`methods.${loan.method}`)} · ${formatFen(loan.principalFen)}`}
        actions={<Badge tone={loanTone(loan.status)}>{t(`loanStatus.${loan.status}`)}</Badge>}
      />
      <div className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
        <Stat label={t("loan.owed")} value={formatFen(owedFen)} testId="loan-owed" />
        <Stat label={t("loan.outstanding")} value={formatFen(loan.principalOutstandingFen)} testId="loan-outstanding" />
        <Stat label={t("loan.interestDue")} value={formatFen(loan.interestDueFen)} />
        <Stat label={t("loan.penaltyDue")} value={formatFen(loan.penaltyDueFen)} />
      </div>
      <p className="mt-2 text-sm text-slate-600">
        {t("loan.rate")}: {formatDailyRate(loan.dailyRateE8)} · {t("columns.dpd")}: {loan.dpd}
      </p>
      <div className="mt-6 grid items-start gap-4 lg:grid-cols-2">
        <Card title={t("loan.nextDue")}>
          <p className="text-sm text-slate-700" data-testid="loan-next-due">
            {nextDue
              ? t("loan.nextDueValue", { day: nextDue.day, principal: formatFen(nextDue.principalFen), interest: formatFen(nextDue.interestFen) })
              : loan.product === "ORDER" && loan.status !== "REPAID"
                ? t("loan.orderDue")
                : t("loan.noNextDue")}
          </p>
          <p className="mt-2 text-xs text-slate-500">{t("loan.allocation")}</p>
        </Card>
        {canRepay && loan.status !== "REPAID" ? (
          <Card title={t("repay.title")}>
            <RepayForm loanId={loan.id} owedFen={String(owedFen)} />
          </Card>
        ) : null}
      </div>
      <Card title={t("loan.schedule")} className="mt-6">
        <ScheduleTable
          caption={t("loan.schedule")}
          testId="loan-schedule"
          rows={instalments.map((i) => ({
            seq: i.seq,
            dueDay: i.dueDay ? i.dueDay.toISOString().slice(0, 10) : null,
            principalFen: String(i.principalFen),
            interestFen: String(i.interestFen),
            totalFen: String(i.principalFen + i.interestFen),
            paidFen: String(i.principalPaidFen),
            settled: i.settledAt !== null,
          }))}
        />
      </Card>
      <Card title={t("loan.repayments")} className="mt-6">
        {repayments.length === 0 ? (
          <p className="text-sm text-slate-600">{t("loan.noRepayments")}</p>
        ) : (
          <div data-testid="loan-repayments">
            <Table head={[t("loan.time"), t("loan.source"), t("columns.amount"), ""]} caption={t("loan.repayments")} numeric={[2]}>
              {repayments.map((r) => (
                <tr key={String(r.id)}>
                  <Td>{formatDateTime(r.createdAt, locale)}</Td>
                  <Td>{t.has(`loan.sources.${r.source}` as never) ? t(`loan.sources.${r.source}` as never) : r.source}</Td>
                  <Td className="text-right tabular-nums">{formatFen(r.amountFen)}</Td>
                  <Td className="text-xs text-slate-500">
                    {t("loan.breakdown", { penalty: formatFen(r.penaltyFen), interest: formatFen(r.interestFen), principal: formatFen(r.principalFen) })}
                  </Td>
                </tr>
              ))}
            </Table>
          </div>
        )}
      </Card>
    </>
  );
}
