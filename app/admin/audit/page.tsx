import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { listAudit } from "@/lib/audit/list";
import { requireAdmin } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { formatDateTime } from "@/lib/time/format";
import { bigintCursor, readSearchParams, type RawSearchParams } from "@/lib/http/search-params";

const show = (value: unknown) => (value == null ? "—" : JSON.stringify(value));

const QUERY = { cursor: bigintCursor };

export default async function AuditPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireAdmin("audit.view");
  const t = await getTranslations("adminAudit");
  const locale = await getLocale();
  const { entries, nextCursor } = await listAudit(prisma, user, { cursor: readSearchParams(await searchParams, QUERY).cursor });
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <Table head={[t("time"), t("actor"), t("action"), t("target"), t("before"), t("after")]}>
          {entries.map((e) => (
            <tr key={e.id.toString()} data-testid="audit-row">
              <Td>{formatDateTime(e.createdAt, locale)}</Td>
              <Td>{e.actorEmail ?? "—"}</Td>
              <Td className="font-mono text-xs">{e.action}</Td>
              <Td className="font-mono text-xs">{e.targetType}:{e.targetId.slice(0, 12)}</Td>
              <Td className="max-w-xs truncate font-mono text-xs">{show(e.before)}</Td>
              <Td className="max-w-xs truncate font-mono text-xs">{show(e.after)}</Td>
            </tr>
          ))}
        </Table>
        {nextCursor ? (
          <Link href={`/admin/audit?cursor=${nextCursor}`} className={`${buttonClass("secondary")} mt-4`}>
            {t("older")}
          </Link>
        ) : null}
      </Card>
    </>
  );
}
