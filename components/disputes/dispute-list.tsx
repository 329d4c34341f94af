import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Table, Td } from "@/components/ui/table";
import type { Dispute } from "@/lib/generated/prisma/client";
import { isOpen } from "@/lib/disputes/states";
import { formatFen } from "@/lib/money/fen";
import { formatDateTime } from "@/lib/time/format";

export async function DisputeList({ disputes, base }: { disputes: (Dispute & { order: { orderNo: string } })[]; base: string }) {
  const t = await getTranslations("disputes");
  const locale = await getLocale();
  if (disputes.length === 0) return <p className="text-sm text-slate-500">{t("none")}</p>;
  return (
    <Table caption={t("listTitle")} head={[t("orderNo"), t("reason"), t("claimedColumn"), t("statusColumn"), t("updated")]} numeric={[2]}>
      {disputes.map((d) => (
        <tr key={d.id} data-testid="dispute-row">
          <Td><Link href={`${base}/${d.id}`} className="font-mono text-brand-700 hover:underline">{d.order.orderNo}</Link></Td>
          <Td>{t(`reasons.${d.reason}`)}</Td>
          <Td className="text-right tabular-nums">{formatFen(d.claimedFen)}</Td>
          <Td><Badge tone={isOpen(d.status) ? "warn" : "good"}>{t(`status.${d.status}`)}</Badge></Td>
          <Td>{formatDateTime(d.updatedAt, locale)}</Td>
        </tr>
      ))}
    </Table>
  );
}
