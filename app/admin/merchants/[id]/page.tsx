import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { MerchantStatusBadge } from "@/components/merchant/status-badge";
import { ApplicationSummary } from "@/components/onboarding/application-summary";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { orNotFound } from "@/lib/http/not-found";
import { ALL_FIELDS } from "@/lib/merchants/onboarding/schemas";
import { getMerchantForAdmin } from "@/lib/merchants/review/detail";
import { REJECT_REASONS } from "@/lib/merchants/review/decide";
import { getSetting, pricingFor } from "@/lib/settings/settings";
import { merchantDisputeRates } from "@/lib/disputes/queries";
import { formatDateTime } from "@/lib/time/format";
import { DecisionForms, SuspensionForm } from "./decision-forms";
import { pageId } from "@/lib/http/path-id";

export async function generateMetadata() {
  return { title: (await getTranslations("adminMerchants"))("detailTitle") };
}

export default async function MerchantReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireAdmin("merchant.view");
  const t = await getTranslations("adminMerchants");
  const tOnb = await getTranslations("onboarding");
  const tStatus = await getTranslations("merchantStatus");
  const locale = await getLocale();
  const detail = await orNotFound(getMerchantForAdmin(prisma, user, await pageId(params)));
  const { merchant, checks, matches } = detail;
  const pricing = merchant.riskLevel ? await pricingFor(merchant.riskLevel) : null;
  const rates = await merchantDisputeRates(prisma, user, merchant.id);
  return (
    <>
      <PageHeader
        title={<span data-testid="review-title">{merchant.displayName}</span>}
        description={`${merchant.user.email} · ${formatDateTime(merchant.createdAt, locale)}`}
        actions={<span data-testid="review-status"><MerchantStatusBadge status={merchant.status} /></span>}
      />
      <div className="grid items-start gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title={t("application")}>
            <ApplicationSummary application={merchant.application} documents={merchant.documents} inlineDocuments highlight={merchant.application?.needsInfoFields ?? []} />
          </Card>
          {matches.length > 0 ? (
            <Card title={t("identityMatches")}>
              <Alert tone="warning">{t("identityMatchesWarning")}</Alert>
              <ul className="mt-3 space-y-1 text-sm" data-testid="identity-matches">
                {matches.map((m) => (
                  <li key={`${m.field}-${m.merchantId}`}>
                    {tOnb(`fields.${m.field}` as never)}:{" "}
                    <Link href={`/admin/merchants/${m.merchantId}`} className="text-brand-700 underline">
                      {m.displayName}
                    </Link>{" "}
                    ({tStatus(m.status as never)})
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
          <Card title={t("checks")}>
            <ul className="grid gap-2 text-sm sm:grid-cols-2" data-testid="check-results">
              {checks.map((c) => (
                <li key={c.check} className="flex items-center justify-between gap-2">
                  <span>{tOnb(`fields.${c.check}` as never)}</span>
                  {c.ok ? <Badge tone="good">{t("checkOk")}</Badge> : <Badge tone="bad">{t("checkFailed")}</Badge>}
                </li>
              ))}
            </ul>
          </Card>
          <Card title={t("history")}>
            <ol className="space-y-2 text-sm">
              {merchant.reviews.map((r) => (
                <li key={r.id.toString()} className="border-l-2 border-slate-200 pl-3">
                  <span className="text-slate-500">{formatDateTime(r.createdAt, locale)}</span>{" "}
                  {tStatus(r.fromStatus)} → <strong>{tStatus(r.toStatus)}</strong>
                  {r.riskLevel ? ` · ${t(`risk.${r.riskLevel}`)}` : ""}
                  {r.message ? <span className="block text-slate-600">“{r.message}”</span> : null}
                </li>
              ))}
            </ol>
          </Card>
        </div>
        <div className="space-y-6">
          {merchant.status === "SUBMITTED" ? (
            <Card title={t("decide")}>
              <DecisionForms merchantId={merchant.id} merchantName={merchant.displayName} coolingDays={await getSetting("merchant.reapplyCoolingDays")} fields={ALL_FIELDS} reasons={REJECT_REASONS} matches={matches.length} />
            </Card>
          ) : null}
          {merchant.status === "APPROVED" || merchant.status === "SUSPENDED" ? (
            <Card title={merchant.status === "APPROVED" ? t("suspend") : t("reinstate")}>
              <SuspensionForm merchantId={merchant.id} suspend={merchant.status === "APPROVED"} />
            </Card>
          ) : null}
          <Card title={t("disputeRates")}>
            <p className="text-sm" data-testid="admin-dispute-rates">
              {t("disputeRatesLine", { r30: (rates.rate30Bps / 100).toFixed(2), r90: (rates.rate90Bps / 100).toFixed(2), lost: (rates.lostShareBps90 / 100).toFixed(2) })}
            </p>
          </Card>
          {pricing ? (
            <Card title={t("pricing")}>
              <p className="text-sm" data-testid="pricing">
                {t("pricingLine", { risk: t(`risk.${merchant.riskLevel!}`), fee: (pricing.feeRateBps / 100).toFixed(2), reserve: (pricing.reserveRateBps / 100).toFixed(2) })}
              </p>
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
