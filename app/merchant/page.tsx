import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { MerchantDashboard } from "@/components/merchant/dashboard";
import { MerchantStatusBadge } from "@/components/merchant/status-badge";
import { MarkReadButton } from "@/components/notifications/mark-read-button";
import { NotificationList } from "@/components/notifications/notification-list";
import { NeedsInfoNotice } from "@/components/onboarding/needs-info-notice";
import { ReapplyButton } from "@/components/onboarding/submit-step";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card, Stat } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireArea } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { userBalance } from "@/lib/ledger/accounts";
import { getOwnApplication } from "@/lib/merchants/onboarding/application";
import { reapplyOpensAt } from "@/lib/merchants/onboarding/submit";
import { formatFen } from "@/lib/money/fen";
import { listNotifications, unreadCount } from "@/lib/notifications/notify";
import { formatDateTime } from "@/lib/time/format";

export async function generateMetadata() {
  return { title: (await getTranslations("areas"))("merchant") };
}

export default async function MerchantHome() {
  const user = await requireArea("merchant");
  const t = await getTranslations("merchantHome");
  const tReasons = await getTranslations("rejectReasons");
  const tNotifications = await getTranslations("notifications");
  const locale = await getLocale();
  const [{ merchant, application }, balance, notifications, unread, creditLine] = await Promise.all([
    getOwnApplication(prisma, user),
    userBalance(prisma, user.userId),
    listNotifications(prisma, user, 10),
    unreadCount(prisma, user),
    prisma.creditLine.findUnique({ where: { userId: user.userId }, select: { availableFen: true } }),
  ]);
  const opensAt = merchant.status === "REJECTED" ? await reapplyOpensAt(merchant) : null;
  return (
    <>
      <PageHeader title={merchant.displayName} description={t("description")} />
      {merchant.status === "APPROVED" ? <MerchantDashboard user={user} /> : null}
      <div className="mt-6 grid items-start gap-4 md:grid-cols-2">
        <Card title={t("status")}>
          <div className="space-y-3">
            <p data-testid="merchant-status">
              <MerchantStatusBadge status={merchant.status} />
            </p>
            {merchant.status === "APPROVED" ? <Alert tone="success">{t("approved")}</Alert> : null}
            {merchant.status === "DRAFT" ? (
              <>
                <Alert tone="info">{t("onboarding")}</Alert>
                <Link href="/merchant/onboarding?step=1" className={buttonClass("primary")} data-testid="start-onboarding">
                  {application ? t("continueOnboarding") : t("startOnboarding")}
                </Link>
              </>
            ) : null}
            {merchant.status === "SUBMITTED" && merchant.submittedAt ? (
              <Alert tone="info">{t("submitted", { date: formatDateTime(merchant.submittedAt, locale) })}</Alert>
            ) : null}
            {merchant.status === "NEEDS_INFO" && application ? (
              <>
                <NeedsInfoNotice fields={application.needsInfoFields} message={application.reviewMessage} />
                <Link href="/merchant/onboarding?step=5" className={buttonClass("primary")} data-testid="fix-application">
                  {t("fixApplication")}
                </Link>
              </>
            ) : null}
            {merchant.status === "REJECTED" ? (
              <>
                <Alert tone="error">
                  {t("rejected", { reason: application?.reviewReasonCode ? tReasons(application.reviewReasonCode as never) : "" })}
                  {application?.reviewMessage ? <span className="mt-1 block">“{application.reviewMessage}”</span> : null}
                </Alert>
                {opensAt ? <ReapplyButton opensOn={formatDateTime(opensAt, locale)} open={opensAt <= new Date()} /> : null}
              </>
            ) : null}
            {merchant.status === "SUSPENDED" ? (
              <>
                <Alert tone="error">{t("suspended")}</Alert>
                <p className="text-sm text-slate-600">{t("suspendedNext")}</p>
              </>
            ) : null}
          </div>
        </Card>
        <div className="space-y-4">
          {merchant.status !== "APPROVED" ? <Stat label={t("balance")} value={formatFen(balance)} testId="merchant-balance" /> : null}
          {merchant.status === "APPROVED" && creditLine && creditLine.availableFen > 0n ? (
            <Card title={t("creditTitle")}>
              <p className="text-sm text-slate-700" data-testid="merchant-credit-offer">
                {t("creditOffer", { amount: formatFen(creditLine.availableFen) })}
              </p>
              <Link href="/merchant/credit" className="mt-2 inline-block text-sm font-medium text-brand-700 hover:underline">
                {t("creditLink")}
              </Link>
            </Card>
          ) : null}
          <Card title={t("notifications")} actions={<MarkReadButton unread={unread} />}>
            <NotificationList notifications={notifications} role={user.role} />
            <Link href="/merchant/notifications" className="mt-3 inline-block text-xs font-medium text-brand-700 hover:underline">
              {tNotifications("viewAll")}
            </Link>
          </Card>
        </div>
      </div>
    </>
  );
}
