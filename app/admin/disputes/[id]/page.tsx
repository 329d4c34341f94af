import { getTranslations } from "next-intl/server";
import { loadDisputeView } from "@/components/disputes/dispute-page";
import { DisputeView } from "@/components/disputes/dispute-view";
import { Card } from "@/components/ui/card";
import { requireAdmin } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { partyHistory } from "@/lib/disputes/queries";
import { pageId } from "@/lib/http/path-id";

export async function generateMetadata() {
  return { title: (await getTranslations("disputes"))("detailTitle") };
}

const pct = (bps: number) => `${(bps / 100).toFixed(2)}%`;

export default async function AdminDisputePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireAdmin("disputes.view_all");
  const t = await getTranslations("disputes");
  const view = await loadDisputeView(user, await pageId(params));
  const history = await partyHistory(prisma, user, view.dispute);
  return (
    <DisputeView
      view={view}
      orderHref={`/admin/orders/${view.dispute.orderId}`}
      aside={
        <Card title={t("history")}>
          <dl className="space-y-1 text-sm" data-testid="party-history">
            <div className="flex justify-between"><dt>{t("buyerHistory")}</dt><dd>{t("buyerHistoryLine", { disputes: history.buyer.disputes, orders: history.buyer.orders })}</dd></div>
            <div className="flex justify-between"><dt>{t("merchantHistory")}</dt><dd>{t("merchantHistoryLine", { disputes: history.merchant.disputes })}</dd></div>
            <div className="flex justify-between"><dt>{t("rate30")}</dt><dd>{pct(history.merchant.rate30Bps)}</dd></div>
            <div className="flex justify-between"><dt>{t("rate90")}</dt><dd>{pct(history.merchant.rate90Bps)}</dd></div>
            <div className="flex justify-between"><dt>{t("lostShare")}</dt><dd>{pct(history.merchant.lostShareBps90)}</dd></div>
          </dl>
        </Card>
      }
    />
  );
}
