import { getTranslations } from "next-intl/server";
import { DisputeList } from "@/components/disputes/dispute-list";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { DISPUTE_REASONS } from "@/lib/disputes/open";
import { listDisputesForAdmin } from "@/lib/disputes/queries";
import type { DisputeStatus } from "@/lib/generated/prisma/enums";
import { oneOf, readSearchParams, type RawSearchParams } from "@/lib/http/search-params";

export async function generateMetadata() {
  return { title: (await getTranslations("disputes"))("queueTitle") };
}

const STATUSES = ["ESCALATED", "OPEN", "AWAITING_BUYER", "RESOLVED_BUYER", "RESOLVED_SPLIT", "RESOLVED_MERCHANT", "WITHDRAWN", "ALL"] as const;

const QUERY = { status: oneOf(STATUSES), reason: oneOf(DISPUTE_REASONS) };

export default async function AdminDisputesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireAdmin("disputes.view_all");
  const t = await getTranslations("disputes");
  const params = readSearchParams(await searchParams, QUERY);
  const status = (params.status ?? "ESCALATED") as DisputeStatus | "ALL";
  const reason = params.reason;
  const disputes = await listDisputesForAdmin(prisma, user, { status, reason });
  return (
    <>
      <PageHeader title={t("queueTitle")} description={t("queueDescription")} />
      <Card>
        <form className="mb-4 flex flex-wrap gap-2">
          <select name="status" defaultValue={status} aria-label={t("statusColumn")} className="rounded-md border border-slate-300 px-2 py-2 text-sm">
            {STATUSES.map((s) => (
              <option key={s} value={s}>{s === "ALL" ? t("allStatuses") : t(`status.${s}`)}</option>
            ))}
          </select>
          <select name="reason" defaultValue={reason ?? ""} aria-label={t("reason")} className="rounded-md border border-slate-300 px-2 py-2 text-sm">
            <option value="">{t("anyReason")}</option>
            {DISPUTE_REASONS.map((r) => (
              <option key={r} value={r}>{t(`reasons.${r}`)}</option>
            ))}
          </select>
          <button className={buttonClass("secondary")}>{t("filter")}</button>
        </form>
        <DisputeList disputes={disputes} base="/admin/disputes" />
      </Card>
    </>
  );
}
