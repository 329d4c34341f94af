import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ReviewForms } from "@/components/credit/admin/review-form";
import { reasonText } from "@/components/credit/apply-form";
import { loanTone } from "@/components/credit/credit-home";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, Stat } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { requireAdmin } from "@/lib/auth/session";
import { formatBps, formatDailyRate } from "@/lib/credit/rates";
import { applicationForReview } from "@/lib/credit/views";
import { prisma } from "@/lib/db/client";
import { orNotFound } from "@/lib/http/not-found";
import { pageId } from "@/lib/http/path-id";
import { formatFen } from "@/lib/money/fen";
import { formatDateTime } from "@/lib/time/format";

export async function generateMetadata() {
  return { title: (await getTranslations("adminCredit"))("application") };
}

export default async function AdminLoanApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireAdmin("credit.view");
  const r = await orNotFound(applicationForReview(prisma, user, await pageId(params)));
  const t = await getTranslations("adminCredit");
  const tc = await getTranslations("credit");
  const locale = await getLocale();
  const a = r.application;
  const valueText = (kind: string, v: number | null) => (v === null ? "—" : kind === "fen" ? formatFen(BigInt(v)) : kind === "bps" ? formatBps(v) : String(v));
  return (
    <>
      <PageHeader title={t("application")} description={`${r.merchant.displayName} · ${tc(`products.${a.product}`)} · ${formatFen(a.amountFen)}`} actions={<Badge tone="info">{tc(`applicationStatus.${a.status}`)}</Badge>} />
      <div className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
        <Stat label={tc("columns.amount")} value={formatFen(a.amountFen)} />
        <Stat label={tc("score")} value={`${r.assessment.score} · ${r.assessment.grade}`} testId="review-score" />
        <Stat label={tc("limit")} value={formatFen(r.assessment.limitFen)} />
        <Stat label={tc("loan.rate")} value={formatDailyRate(a.dailyRateE8)} />
      </div>
      <p className="mt-2 text-sm text-slate-600">
        {a.product === "CREDIT" ? `${tc(`methods.${a.method}`)} · ${tc("form.termMonths", { count: a.termMonths })} · ` : ""}
        {a.reasons.map((code) => reasonText(tc, code)).join(" · ")}
      </p>

      {a.status === "REVIEW" && can(user, "credit.review") ? (
        <Card title={t("approve")} className="mt-6">
          {r.proposer ? (
            <div className="mb-3" data-testid="review-proposed">
              <Alert tone="info">{t("proposedBy", { email: r.proposer.email })}</Alert>
            </div>
          ) : (
            <p className="mb-3 text-sm text-slate-600">{t("proposeHint")}</p>
          )}
          <ReviewForms applicationId={a.id} />
        </Card>
      ) : null}

      <Card title={t("features")} className="mt-6" actions={<span className="text-xs text-slate-500">{t("scorecard", { version: r.assessment.scorecardVersion })}</span>}>
        <Table head={[t("feature"), t("value"), t("points")]} caption={t("features")} numeric={[1, 2]}>
          {r.scored.features.map((f) => (
            <tr key={f.code}>
              <Td>{t(`featureNames.${f.code}` as never)}</Td>
              <Td className="text-right tabular-nums">{valueText(f.kind, f.value)}</Td>
              <Td className="text-right tabular-nums">
                {f.points} / {f.maxPoints}
              </Td>
            </tr>
          ))}
        </Table>
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer text-slate-600">{t("inputs")}</summary>
          <pre className="mt-2 overflow-x-auto rounded bg-slate-50 p-3 text-xs">{JSON.stringify(r.inputs, null, 2)}</pre>
        </details>
      </Card>

      <Card title={t("history")} className="mt-6">
        {r.loans.length === 0 ? (
          <p className="text-sm text-slate-600">{tc("noLoans")}</p>
        ) : (
          <Table head={[tc("columns.product"), tc("columns.principal"), tc("columns.status"), tc("columns.dpd"), tc("columns.disbursed"), ""]} caption={t("history")} numeric={[1, 3]}>
            {r.loans.map((l) => (
              <tr key={l.id}>
                <Td>{tc(`products.${l.product}`)}</Td>
                <Td className="text-right tabular-nums">{formatFen(l.principalFen)}</Td>
                <Td>
                  <Badge tone={loanTone(l.status)}>{tc(`loanStatus.${l.status}`)}</Badge>
                </Td>
                <Td className="text-right tabular-nums">{l.maxDpd}</Td>
                <Td>{formatDateTime(l.disbursedAt, locale)}</Td>
                <Td label={null}>
                  <Link href={`/admin/credit/loans/${l.id}`} className="text-brand-700 underline">
                    {tc("view")}
                  </Link>
                </Td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
    </>
  );
}
