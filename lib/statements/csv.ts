import { amount, type CsvCell, dateTime, identifier } from "@/lib/csv/cell-policy";
import { csvStream } from "@/lib/csv/stream";
import type { Tx } from "@/lib/db/transaction";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { describeRow, type Translate } from "./describe";
import type { Period } from "./period";
import { statementRows, type StatementSummary } from "./statement";

/**
 * The statement as CSV: first the statement's own lines (holder, account, period, opening and closing balance
 * with their chain hashes, totals), then an empty line, then one row per movement. `npm run statement:verify`
 * reads exactly this layout back (lib/statements/verify.ts): the machine-readable parts are the first cell of
 * each summary line (a fixed key) and the posting and journal ids of each row.
 */
export const SUMMARY_KEYS = ["holder", "account", "accountId", "period", "opening", "openingHash", "in", "out", "closing", "closingHash", "count"] as const;
export const ROW_COLUMNS = ["postingId", "journalId", "time", "description", "in", "out", "balance"] as const;

export type StatementCsvLabels = { t: Translate; has: (key: string) => boolean };

export function statementCsv(
  db: PrismaClient | Tx,
  statement: { holder: string; accountCode: string; accountName: string; period: Pick<Period, "from" | "to">; summary: StatementSummary },
  labels: StatementCsvLabels,
): ReadableStream<Uint8Array> {
  const { t, has } = labels;
  const s = statement.summary;
  const lines: CsvCell[][] = [
    ["holder", t("statements.csv.holder"), statement.holder],
    ["account", t("statements.csv.account"), statement.accountName, identifier(statement.accountCode)],
    ["accountId", t("statements.csv.accountId"), identifier(s.accountId)],
    ["period", t("statements.csv.period"), statement.period.from, statement.period.to],
    ["opening", t("statements.csv.opening"), amount(s.openingFen)],
    ["openingHash", t("statements.csv.openingHash"), s.openingHash ?? ""],
    ["in", t("statements.csv.in"), amount(s.inFen)],
    ["out", t("statements.csv.out"), amount(s.outFen)],
    ["closing", t("statements.csv.closing"), amount(s.closingFen)],
    ["closingHash", t("statements.csv.closingHash"), s.closingHash ?? ""],
    ["count", t("statements.csv.count"), String(s.count)],
    [],
    ROW_COLUMNS.map((c) => t(`statements.csv.columns.${c}`)),
  ];
  async function* rows(): AsyncGenerator<CsvCell[]> {
    for (const line of lines.slice(1)) yield line;
    for await (const r of statementRows(db, s)) {
      yield [
        identifier(r.id.toString()),
        identifier(r.journalId.toString()),
        dateTime(r.createdAt),
        describeRow(r, t, has),
        r.amount > 0n ? amount(r.amount) : "",
        r.amount < 0n ? amount(-r.amount) : "",
        amount(r.balanceAfter),
      ];
    }
  }
  return csvStream(lines[0], rows());
}
