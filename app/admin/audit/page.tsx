import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AuditValues } from "@/components/audit/audit-values";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { AuditFilterForm } from "@/components/audit/audit-filter-form";
import { Alert } from "@/components/ui/alert";
import { AUDIT_QUERY, auditFilters, auditQueryString, isReversed } from "@/lib/audit/filters";
import { listAudit } from "@/lib/audit/list";
import { requireAdmin } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { isSettingKey } from "@/lib/settings/registry";
import { formatDateTime } from "@/lib/time/format";
import { readSearchParams, type RawSearchParams } from "@/lib/http/search-params";

export async function generateMetadata() {
  return { title: (await getTranslations("adminAudit"))("title") };
}

/** Where an entry's target can be opened. */
const TARGET_LINKS: Record<string, (id: string) => string> = {
  merchant: (id) => `/admin/merchants/${id}`,
  dispute: (id) => `/admin/disputes/${id}`,
};

export default async function AuditPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireAdmin("audit.view");
  const t = await getTranslations("adminAudit");
  const tSettings = await getTranslations("adminSettings");
  const locale = await getLocale();
  const query = readSearchParams(await searchParams, AUDIT_QUERY);
  const filters = auditFilters(query);
  const reversed = isReversed(filters);
  const { entries, nextCursor } = reversed ? { entries: [], nextCursor: null } : await listAudit(prisma, user, { ...filters, cursor: query.cursor });
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <a href={`/api/admin/audit/csv${auditQueryString(filters)}`} className={buttonClass("secondary")} data-testid="audit-csv">
            {t("csv")}
          </a>
        }
      />
      <AuditFilterForm filters={filters} />
      {reversed ? (
        <div className="mb-4" data-testid="audit-reversed">
          <Alert tone="warning">{t("reversed", { from: filters.from!, to: filters.to! })}</Alert>
        </div>
      ) : null}
      <Card>
        {entries.length === 0 && !reversed ? <p className="text-sm text-slate-600" data-testid="audit-empty">{t("empty")}</p> : null}
        <Table caption={t("title")} head={[t("time"), t("actor"), t("action"), t("target"), t("before"), t("after"), ""]}>
          {entries.map((e) => {
            const link = Object.hasOwn(TARGET_LINKS, e.targetType) ? TARGET_LINKS[e.targetType](e.targetId) : null;
            const targetName =
              e.targetType === "setting" && isSettingKey(e.targetId) ? tSettings(`keys.${e.targetId}` as never) : `${e.targetId.slice(0, 12)}`;
            return (
              <tr key={e.id.toString()} data-testid="audit-row" className="align-top">
                <Td>{formatDateTime(e.createdAt, locale)}</Td>
                <Td>{e.actorEmail ?? "—"}</Td>
                <Td>{t.has(`actions.${e.action}` as never) ? t(`actions.${e.action}` as never) : e.action}</Td>
                <Td>
                  <span className="text-slate-600">{t.has(`targets.${e.targetType}` as never) ? t(`targets.${e.targetType}` as never) : e.targetType}</span>{" "}
                  {link ? (
                    <Link href={link} className="font-mono text-xs text-brand-700 underline">
                      {targetName}
                    </Link>
                  ) : (
                    <span className={e.targetType === "setting" ? "" : "font-mono text-xs"}>{targetName}</span>
                  )}
                </Td>
                <Td className="max-w-xs whitespace-normal text-xs">
                  <AuditValues values={e.before} targetType={e.targetType} targetId={e.targetId} />
                </Td>
                <Td className="max-w-xs whitespace-normal text-xs">
                  <AuditValues values={e.after} targetType={e.targetType} targetId={e.targetId} />
                </Td>
                <Td label={null}>
                  <Link href={`/admin/audit/${e.id}`} className="text-brand-700 underline" data-testid="audit-detail-link">
                    {t("detail")}
                  </Link>
                </Td>
              </tr>
            );
          })}
        </Table>
        {nextCursor ? (
          <Link href={`/admin/audit${auditQueryString(filters, nextCursor)}`} className={`${buttonClass("secondary")} mt-4`}>
            {t("older")}
          </Link>
        ) : null}
      </Card>
    </>
  );
}
