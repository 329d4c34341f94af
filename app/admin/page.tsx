import { getTranslations } from "next-intl/server";
import { Card, Stat } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";
import { getAdminOverview } from "@/lib/admin/overview";
import { requireArea } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { verifyLedger } from "@/lib/ledger/verify";
import { formatFen } from "@/lib/money/fen";

export async function generateMetadata() {
  return { title: (await getTranslations("adminHome"))("title") };
}

export default async function AdminHome() {
  const user = await requireArea("admin");
  const t = await getTranslations("adminHome");
  const tStatus = await getTranslations("merchantStatus");
  const [overview, violations] = await Promise.all([getAdminOverview(prisma, user), verifyLedger(prisma)]);
  return (
    <>
      <PageHeader title={<span data-testid="admin-title">{t("title")}</span>} description={t("description")} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label={t("buyers")} value={overview.users.BUYER ?? 0} />
        <Stat label={t("merchants")} value={overview.users.MERCHANT ?? 0} />
        <Stat label={t("walletTotal")} value={formatFen(overview.walletTotalFen)} />
        <Stat label={t("journals")} value={overview.journals} />
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
        </Card>
      </div>
    </>
  );
}
