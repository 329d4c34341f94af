import { getTranslations } from "next-intl/server";
import { auditCsv } from "@/lib/audit/csv";
import { AUDIT_QUERY, auditFilters } from "@/lib/audit/filters";
import { getSession } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { platformDate } from "@/lib/csv/cell-policy";
import { csvHeaders } from "@/lib/csv/stream";
import { prisma } from "@/lib/db/client";
import { parseQuery } from "@/lib/http/search-params";

export const dynamic = "force-dynamic";

/** The audit log with the page's filters, as CSV, for administrators who may read it. */
export async function GET(request: Request) {
  const user = await getSession();
  if (!user || !can(user, "audit.view")) return new Response("Not found", { status: 404 });
  const query = parseQuery(request.url, AUDIT_QUERY);
  if (!query.ok) return query.response;
  const t = await getTranslations("adminAudit");
  const stream = auditCsv(prisma, user, auditFilters(query.data), {
    heading: (c) => t(`csvColumns.${c}`),
    action: (a) => (t.has(`actions.${a}` as never) ? t(`actions.${a}` as never) : a),
    target: (x) => (t.has(`targets.${x}` as never) ? t(`targets.${x}` as never) : x),
  });
  return new Response(stream, { headers: csvHeaders(`audit-${platformDate(new Date())}.csv`) });
}
