import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/orders/action-form";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card, Stat } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { acceptLoanAction } from "@/app/_actions/credit";
import { formatBps, formatDailyRate } from "@/lib/credit/rates";
import type { merchantCredit } from "@/lib/credit/views";
import { formatFen } from "@/lib/money/fen";
import { formatDateTime } from "@/lib/time/format";
import { RestorationPath } from "./restoration-path";

type Home = Awaited<ReturnType<typeof merchantCredit>>;

export const loanTone = (status: string) => (status === "OVERDUE" ? "bad" : status === "REPAID" ? "neutral" : "good");

/** The merchant's credit home: what may be borrowed and why, applications in progress, loans, order loans. */
export async function CreditHome({ home }: { home: Home }) {
  const t = await getTranslations("credit");
  const locale = await getLocale();
  const line = home.line;
  const canBorrow = home.merchantStatus === "APPROVED";
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          canBorrow ? (
            <Link href="/merchant/credit/apply" className={buttonClass("primary")} data-testid="credit-apply-link">
              {t("apply")}
            </Link>
          ) : null
        }
      />
      {!canBorrow ? <Alert tone="info">{t("notMerchant")}</Alert> : null}
      <div className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
        <Stat label={t("available")} value={formatFen(line?.availableFen ?? 0n)} testId="credit-available" />
        <Stat label={t("limit")} value={formatFen(line?.limitFen ?? 0n)} testId="credit-limit" />
        <Stat label={t("score")} value={home.assessment ? String(home.assessment.score) : "—"} testId="credit-score" />
        <Stat label={t("grade")} value={home.assessment ? t("gradeValue", { grade: home.assessment.grade }) : "—"} testId="credit-grade" />
      </div>
      {line && line.availableFen > 0n ? (
        <div className="mt-4" data-testid="credit-offer">
          <Alert tone="success">{t("offerText", { amount: formatFen(line.availableFen) })}</Alert>
        </div>
      ) : null}
      {line?.blockedReason ? (
        <div className="mt-4" data-testid="credit-blocked">
          <Alert tone="warning">
            <span className="font-medium">{t("blockedTitle")}</span> · {t.has(`blocked.${line.blockedReason}` as never) ? t(`blocked.${line.blockedReason}` as never) : line.blockedReason}
          </Alert>
        </div>
      ) : null}

      <div className="mt-6 grid items-start gap-4 lg:grid-cols-2">
        <Card title={t("reasonsTitle")}>
          {!home.assessment ? (
            <p className="text-sm text-slate-600">{t("noAssessment")}</p>
          ) : home.assessment.reasons.length === 0 ? (
            <p className="text-sm text-slate-600">{t("reasonsNone")}</p>
          ) : (
            <ul className="space-y-3" data-testid="credit-reasons">
              {home.assessment.reasons.map((r) => (
                <li key={r.code} className="text-sm">
                  <p className="flex flex-wrap items-baseline justify-between gap-2 font-medium text-slate-800">
                    <span>{t(`reasons.${r.code}.title` as never)}</span>
                    <span className="text-xs text-red-700">{t("reasonLost", { points: r.lost })}</span>
                  </p>
                  <p className="text-slate-600">{t(`reasons.${r.code}.how` as never)}</p>
                </li>
              ))}
            </ul>
          )}
          {home.assessment ? <p className="mt-3 text-xs text-slate-500">{t("assessedAt", { time: formatDateTime(home.assessment.asOf, locale) })}</p> : null}
        </Card>

        <Card title={t("pending")}>
          {home.applications.length === 0 ? (
            <p className="text-sm text-slate-600">—</p>
          ) : (
            <ul className="space-y-4" data-testid="credit-applications">
              {home.applications.map((a) => (
                <li key={a.id} className="space-y-2 text-sm">
                  <p className="font-medium text-slate-800">
                    {t(`products.${a.product}`)} · {formatFen(a.amountFen)} · <Badge tone={a.status === "APPROVED" ? "good" : "info"}>{t(`applicationStatus.${a.status}`)}</Badge>
                  </p>
                  {a.status === "APPROVED" ? (
                    <>
                      {a.expiresAt ? <p className="text-xs text-slate-500">{t("expiresAt", { time: formatDateTime(a.expiresAt, locale) })}</p> : null}
                      <ActionForm
                        action={acceptLoanAction}
                        hidden={{ applicationId: a.id }}
                        label={t("accept")}
                        testId="loan-accept-form"
                        confirm={{ title: t("accept"), body: t("acceptConfirm", { amount: formatFen(a.amountFen) }), confirmLabel: t("accept"), cancelLabel: t("cancel") }}
                      />
                    </>
                  ) : (
                    <p className="text-slate-600">{t("inReview")}</p>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>

      {home.restoration ? <RestorationPath progress={home.restoration} /> : null}

      <Card title={t("loans")} className="mt-6">
        {home.loans.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noLoans")}</p>
        ) : (
          <div data-testid="credit-loans">
            <Table head={[t("columns.product"), t("columns.principal"), t("columns.outstanding"), t("columns.status"), t("columns.disbursed"), ""]} caption={t("loans")} numeric={[1, 2]}>
              {home.loans.map((l) => (
                <tr key={l.id} data-testid="credit-loan-row">
                  <Td>{t(`products.${l.product}`)}</Td>
                  <Td className="text-right tabular-nums">{formatFen(l.principalFen)}</Td>
                  <Td className="text-right tabular-nums">{formatFen(l.principalOutstandingFen)}</Td>
                  <Td>
                    <Badge tone={loanTone(l.status)}>{t(`loanStatus.${l.status}`)}</Badge>
                  </Td>
                  <Td>{formatDateTime(l.disbursedAt, locale)}</Td>
                  <Td label={null}>
                    <Link href={`/merchant/credit/loans/${l.id}`} className="text-brand-700 underline">
                      {t("view")}
                    </Link>
                  </Td>
                </tr>
              ))}
            </Table>
          </div>
        )}
      </Card>

      {canBorrow ? (
        <Card title={t("orderLoans")} className="mt-6">
          <p className="mb-3 text-sm text-slate-600">{t("orderLoansHint", { share: formatBps(home.rates.orderLoanShareBps), rate: formatDailyRate(home.rates.orderLoan) })}</p>
          {home.orders.length === 0 ? (
            <p className="text-sm text-slate-600">{t("noOrders")}</p>
          ) : (
            <Table head={[t("orderNo"), t("orderNet"), t("maxLoan"), t("expectedRelease"), ""]} caption={t("orderLoans")} numeric={[1, 2]}>
              {home.orders.map((o) => (
                <tr key={o.orderId} data-testid="credit-order-row">
                  <Td>{o.orderNo}</Td>
                  <Td className="text-right tabular-nums">{formatFen(o.netFen)}</Td>
                  <Td className="text-right tabular-nums">{formatFen(o.maxFen)}</Td>
                  <Td>{o.expectedDay}</Td>
                  <Td label={null}>
                    <Link href={`/merchant/credit/apply?order=${encodeURIComponent(o.orderId)}`} className="text-brand-700 underline">
                      {t("borrowAgainst")}
                    </Link>
                  </Td>
                </tr>
              ))}
            </Table>
          )}
        </Card>
      ) : null}
    </>
  );
}
