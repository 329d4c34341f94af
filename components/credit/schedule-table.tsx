import { useTranslations } from "next-intl";
import { Table, Td } from "@/components/ui/table";
import { formatFen } from "@/lib/money/fen";

export type ScheduleRow = { seq: number; dueDay: string | null; principalFen: string; interestFen: string; totalFen: string; paidFen?: string; settled?: boolean };

/** A loan's instalments: due day, principal, interest, total; with what was paid when the loan exists. */
export function ScheduleTable({ rows, caption, testId }: { rows: ScheduleRow[]; caption: string; testId: string }) {
  const t = useTranslations("credit");
  const paid = rows.some((r) => r.paidFen !== undefined);
  const head = [t("preview.seq"), t("preview.due"), t("preview.principal"), t("preview.interest"), t("preview.total"), ...(paid ? [t("loan.paid")] : [])];
  return (
    <div data-testid={testId}>
      <Table head={head} caption={caption} numeric={[2, 3, 4, 5]}>
        {rows.map((r) => (
          <tr key={r.seq} data-testid="schedule-row">
            <Td>{r.seq}</Td>
            <Td>{r.dueDay ?? "—"}</Td>
            <Td className="text-right tabular-nums">{formatFen(BigInt(r.principalFen))}</Td>
            <Td className="text-right tabular-nums">{formatFen(BigInt(r.interestFen))}</Td>
            <Td className="text-right tabular-nums">{formatFen(BigInt(r.totalFen))}</Td>
            {paid ? <Td className="text-right tabular-nums">{r.settled ? t("loan.settled") : formatFen(BigInt(r.paidFen ?? "0"))}</Td> : null}
          </tr>
        ))}
      </Table>
    </div>
  );
}
