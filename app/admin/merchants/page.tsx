import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { MerchantStatusBadge } from "@/components/merchant/status-badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { requireAdmin } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import type { EntityType, MerchantStatus } from "@/lib/generated/prisma/enums";
import { BUSINESS_CATEGORIES } from "@/lib/merchants/onboarding/schemas";
import { listMerchantsForReview } from "@/lib/merchants/review/queue";
import { formatDateTime } from "@/lib/time/format";
import { oneOf, readSearchParams, searchText, type RawSearchParams } from "@/lib/http/search-params";

export async function generateMetadata() {
  return { title: (await getTranslations("adminMerchants"))("title") };
}

const STATUSES = ["SUBMITTED", "NEEDS_INFO", "DRAFT", "APPROVED", "REJECTED", "SUSPENDED", "ALL"] as const;
const QUERY = { status: oneOf(STATUSES), entityType: oneOf(["INDIVIDUAL", "COMPANY"]), category: oneOf(BUSINESS_CATEGORIES), q: searchText(100) };

/** How long an application has waited, in the reader's words. */
function waited(since: Date, now: Date, t: (key: string, values: Record<string, number>) => string) {
  const hours = Math.floor((now.getTime() - since.getTime()) / 3_600_000);
  return hours >= 24 ? t("waitedDays", { days: Math.floor(hours / 24) }) : t("waitedHours", { hours });
}

export default async function MerchantQueuePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireAdmin("merchant.view");
  const t = await getTranslations("adminMerchants");
  const tOnb = await getTranslations("onboarding");
  const tStatus = await getTranslations("merchantStatus");
  const locale = await getLocale();
  const params = readSearchParams(await searchParams, QUERY);
  const status = params.status ?? "SUBMITTED";
  const entityType = params.entityType as EntityType | undefined;
  const category = params.category;
  const merchants = await listMerchantsForReview(prisma, user, { status: status as MerchantStatus | "ALL", q: params.q, entityType, category });
  const now = new Date();
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <form className="mb-4 grid gap-2 sm:grid-cols-5" role="search">
          <select name="status" defaultValue={status} aria-label={t("status")} className="rounded-md border border-slate-300 px-2 py-2 text-sm">
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s === "ALL" ? t("allStatuses") : tStatus(s)}
              </option>
            ))}
          </select>
          <select name="entityType" defaultValue={entityType ?? ""} aria-label={tOnb("fields.entityType")} className="rounded-md border border-slate-300 px-2 py-2 text-sm">
            <option value="">{t("anyEntityType")}</option>
            <option value="INDIVIDUAL">{tOnb("entityTypes.INDIVIDUAL")}</option>
            <option value="COMPANY">{tOnb("entityTypes.COMPANY")}</option>
          </select>
          <select name="category" defaultValue={category ?? ""} aria-label={tOnb("fields.category")} className="rounded-md border border-slate-300 px-2 py-2 text-sm">
            <option value="">{t("anyCategory")}</option>
            {BUSINESS_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {tOnb(`categories.${c}`)}
              </option>
            ))}
          </select>
          <input name="q" defaultValue={params.q} placeholder={t("search")} aria-label={t("search")} className="rounded-md border border-slate-300 px-3 py-2 text-sm" />
          <button className={buttonClass("secondary")}>{t("filter")}</button>
        </form>
        {merchants.length === 0 ? (
          <p className="text-sm text-slate-500">{t("empty")}</p>
        ) : (
          <Table caption={t("title")} head={[t("merchant"), t("email"), t("status"), tOnb("fields.entityType"), t("submittedAt"), t("waiting")]}>
            {merchants.map((m) => (
              <tr key={m.id} data-testid="queue-row">
                <Td>
                  <Link href={`/admin/merchants/${m.id}`} className="font-medium text-brand-700 hover:underline">
                    {m.displayName}
                  </Link>
                </Td>
                <Td>{m.user.email}</Td>
                <Td>
                  <MerchantStatusBadge status={m.status} />
                </Td>
                <Td>{m.application?.entityType ? tOnb(`entityTypes.${m.application.entityType}`) : "—"}</Td>
                <Td>{m.submittedAt ? formatDateTime(m.submittedAt, locale) : "—"}</Td>
                <Td>{m.submittedAt && m.status === "SUBMITTED" ? waited(m.submittedAt, now, (k, v) => t(k as never, v as never)) : "—"}</Td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
    </>
  );
}
