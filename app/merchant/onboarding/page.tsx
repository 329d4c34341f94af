import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DocumentUpload } from "@/components/onboarding/document-upload";
import { Stepper } from "@/components/onboarding/stepper";
import { BusinessStep, RepresentativeStep, SettlementStep } from "@/components/onboarding/steps";
import { SubmitApplication } from "@/components/onboarding/submit-step";
import { ApplicationSummary } from "@/components/onboarding/application-summary";
import { NeedsInfoNotice } from "@/components/onboarding/needs-info-notice";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireArea } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { BANK_CODES } from "@/lib/merchants/checks/banks";
import { getOwnApplication } from "@/lib/merchants/onboarding/application";
import { DOCUMENT_KINDS } from "@/lib/merchants/onboarding/documents";
import { BUSINESS_CATEGORIES } from "@/lib/merchants/onboarding/schemas";
import { isEditable } from "@/lib/merchants/states";
import { fenToYuanString } from "@/lib/money/fen";
import { MAX_DOCUMENT_BYTES, formatMegabytes } from "@/lib/uploads/limits";
import { intBetween, readSearchParams, type RawSearchParams } from "@/lib/http/search-params";

export async function generateMetadata() {
  return { title: (await getTranslations("onboarding"))("title") };
}

const QUERY = { step: intBetween(1, 5) };

export default async function OnboardingPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireArea("merchant");
  const t = await getTranslations("onboarding");
  const { merchant, application, documents } = await getOwnApplication(prisma, user);
  const step = readSearchParams(await searchParams, QUERY).step ?? 1;
  const completed = application?.completedSteps ?? [];
  const highlight = merchant.status === "NEEDS_INFO" ? (application?.needsInfoFields ?? []) : [];

  // Submitted or decided: the overview shows where the application stands (also right after submitting,
  // when this page re-renders before the form's own navigation could run).
  if (!isEditable(merchant.status)) redirect("/merchant");

  const defaults: Record<string, string> = Object.fromEntries(
    Object.entries(application ?? {})
      .filter(([, v]) => typeof v === "string")
      .map(([k, v]) => [k, v as string]),
  );
  if (application?.expectedMonthlySalesFen != null) defaults.expectedMonthlySales = fenToYuanString(application.expectedMonthlySalesFen);

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {merchant.status === "NEEDS_INFO" && application ? <NeedsInfoNotice fields={application.needsInfoFields} message={application.reviewMessage} /> : null}
      <Stepper current={step} completed={completed} />
      <Card title={<span data-testid="step-title">{t(`steps.${step}` as never)}</span>}>
        {step === 1 ? <BusinessStep defaults={defaults} highlight={highlight} options={{ categories: BUSINESS_CATEGORIES }} /> : null}
        {step === 2 ? <RepresentativeStep defaults={defaults} highlight={highlight} /> : null}
        {step === 3 ? <SettlementStep defaults={defaults} highlight={highlight} options={{ banks: BANK_CODES }} /> : null}
        {step === 4 ? (
          <div className="space-y-4">
            <p className="text-sm text-slate-600">{t("hints.documents", { max: formatMegabytes(MAX_DOCUMENT_BYTES) })}</p>
            {DOCUMENT_KINDS.map((kind) => {
              const doc = documents.find((d) => d.kind === kind);
              return (
                <DocumentUpload
                  key={kind}
                  kind={kind}
                  highlight={highlight.includes(kind)}
                  current={doc ? { id: doc.id, name: doc.originalName, mimeType: doc.mimeType } : undefined}
                />
              );
            })}
            <Link href="/merchant/onboarding?step=5" className={buttonClass("primary")} data-testid="to-review">
              {t("toReview")}
            </Link>
          </div>
        ) : null}
        {step === 5 ? (
          <div className="space-y-4">
            <ApplicationSummary application={application} documents={documents} />
            <SubmitApplication />
          </div>
        ) : null}
      </Card>
    </>
  );
}
