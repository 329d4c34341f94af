import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { AuditValues } from "@/components/audit/audit-values";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { AUDIT_FIELDS } from "@/lib/audit/actions";
import { auditEntry } from "@/lib/audit/list";
import { requireAdmin } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { orNotFound } from "@/lib/http/not-found";
import { formatDateTime } from "@/lib/time/format";

export async function generateMetadata() {
  return { title: (await getTranslations("adminAudit"))("detailTitle") };
}

/** One audit entry: who, when, what, and each field before → after, the changed ones marked. */
export default async function AuditEntryPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireAdmin("audit.view");
  const { id } = await params;
  if (!/^\d{1,18}$/.test(id)) notFound();
  const { entry, changes } = await orNotFound(auditEntry(prisma, user, id));
  const t = await getTranslations("adminAudit");
  const locale = await getLocale();
  const label = (field: string) => ((AUDIT_FIELDS as readonly string[]).includes(field) ? t(`fields.${field}` as never) : field);
  const action = t.has(`actions.${entry.action}` as never) ? t(`actions.${entry.action}` as never) : entry.action;
  const target = t.has(`targets.${entry.targetType}` as never) ? t(`targets.${entry.targetType}` as never) : entry.targetType;
  return (
    <>
      <PageHeader title={t("detailTitle")} description={<span data-testid="audit-detail-action">{action}</span>} />
      <Card>
        <dl className="grid gap-2 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-500">{t("time")}</dt>
            <dd>{formatDateTime(entry.createdAt, locale)}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("actor")}</dt>
            <dd data-testid="audit-detail-actor">{entry.actorEmail ?? t("system")}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("target")}</dt>
            <dd className="break-all">
              {target} · <span className="font-mono text-xs">{entry.targetId}</span>
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("entryId")}</dt>
            <dd className="font-mono text-xs">{entry.id.toString()}</dd>
          </div>
        </dl>
      </Card>
      <Card title={t("changes")} className="mt-6">
        {changes.length === 0 ? (
          <p className="text-sm text-slate-600">—</p>
        ) : (
          <div data-testid="audit-changes">
            <Table head={[t("field"), t("before"), t("after"), ""]} caption={t("changes")}>
              {changes.map((c) => (
                <tr key={c.field} data-testid="audit-change" data-changed={c.changed ? "yes" : "no"} className={c.changed ? "bg-amber-50" : ""}>
                  <Td>{label(c.field)}</Td>
                  <Td className="whitespace-normal text-xs">{c.before === undefined ? "—" : <AuditValues values={{ [c.field]: c.before }} targetType={entry.targetType} targetId={entry.targetId} bare />}</Td>
                  <Td className="whitespace-normal text-xs">{c.after === undefined ? "—" : <AuditValues values={{ [c.field]: c.after }} targetType={entry.targetType} targetId={entry.targetId} bare />}</Td>
                  <Td>{c.changed ? <Badge tone="warn">{t("changed")}</Badge> : null}</Td>
                </tr>
              ))}
            </Table>
          </div>
        )}
      </Card>
      <Link href="/admin/audit" className="mt-4 inline-block text-sm text-brand-700 underline">
        {t("back")}
      </Link>
    </>
  );
}
