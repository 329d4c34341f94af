import { StringDecoder } from "node:string_decoder";
import type pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { amount, type CsvCell, identifier, toField } from "@/lib/csv/cell-policy";
import { BOM, csvLine, EOL, quoteField } from "@/lib/csv/line";
import { PLATFORM_TIME_ZONE } from "@/lib/time/format";
import { describer, type Translate } from "./describe";
import type { Period } from "./period";
import type { StatementSummary } from "./statement";

/**
 * The statement as CSV: first the statement's own lines (holder, account, period, opening and closing balance
 * with their chain hashes, totals), then an empty line, then one row per movement. `npm run statement:verify`
 * reads exactly this layout back (lib/statements/verify.ts): the machine-readable parts are the first cell of
 * each summary line (a fixed key) and the posting and journal ids of each row.
 */
export const SUMMARY_KEYS = ["holder", "account", "accountId", "period", "opening", "openingHash", "in", "out", "closing", "closingHash", "count"] as const;
export const ROW_COLUMNS = ["postingId", "journalId", "time", "description", "in", "out", "balance"] as const;

export type StatementCsvLabels = { t: Translate; has: (key: string) => boolean };

/** Rows per database round trip and per chunk written to the client. */
export const CSV_PAGE = 2000;

/*
 * PostgreSQL's own COPY sends the rows (its text format: one line per row, tab-separated, the time already in
 * platform time) on a plain pg connection (lib/db/read-pool.ts), and each chunk it sends becomes a chunk of the
 * download when the client asks for one (the stream's pull; the COPY stream pauses the socket meanwhile), so
 * memory holds a chunk or two whatever the statement's length, and no row is turned into objects on the way.
 * Each line is what csv-stringify would write through the one cell policy: a test holds the whole file byte for
 * byte to the generic writer's output over the same rows (lib/statements/csv.test.ts).
 */
/** How much of COPY's output may wait in memory while a chunk is written out, so PostgreSQL keeps sending. */
const COPY_BUFFER = 256 * 1024;

function rowsCopySql(client: pg.PoolClient, s: Pick<StatementSummary, "accountId" | "startId" | "endId">) {
  // COPY takes no bind parameters: the account id is quoted by the driver, the bounds are bigints.
  return `COPY (
    SELECT p.id, p.journal_id, to_char(p.created_at AT TIME ZONE '${PLATFORM_TIME_ZONE}', 'YYYY-MM-DD HH24:MI:SS'),
           j.kind, j.reference, j.order_id, o.order_no, p.amount, p.balance_after
      FROM postings p
      JOIN journals j ON j.id = p.journal_id
      LEFT JOIN orders o ON o.id = j.order_id
     WHERE p.account_id = ${client.escapeLiteral(s.accountId)} AND p.id >= ${BigInt(s.startId)} AND p.id < ${BigInt(s.endId)}
     ORDER BY p.id) TO STDOUT`;
}

export function statementCsv(
  pool: pg.Pool,
  statement: { holder: string; accountCode: string; accountName: string; period: Pick<Period, "from" | "to">; summary: StatementSummary },
  labels: StatementCsvLabels,
): ReadableStream<Uint8Array> {
  const { t } = labels;
  const s = statement.summary;
  const describe = describer(labels.t, labels.has);
  const head: CsvCell[][] = [
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
  const encoder = new TextEncoder();
  const decoder = new StringDecoder("utf8");
  let client: pg.PoolClient | null = null;
  let rows: AsyncIterator<Buffer> | null = null;
  let partial = "";
  let done = false;

  // Ids are digits and times and amounts are the platform's own formats: none needs quotes or the formula
  // guard, so only the description goes through the cell policy (the byte-for-byte test covers all of it).
  function line(text: string): string {
    const f = text.split("\t");
    const fen = f[7];
    const negative = fen.charCodeAt(0) === 45;
    const yuan = yuanText(negative ? fen.slice(1) : fen);
    const row = { kind: f[3], reference: copyField(f[4]), orderId: copyField(f[5]), orderNo: copyField(f[6]) };
    const description = quoteField(toField(describe(row)));
    const balance = f[8].charCodeAt(0) === 45 ? `-${yuanText(f[8].slice(1))}` : yuanText(f[8]);
    return `\t${f[0]},\t${f[1]},${f[2]},${description},${negative || fen === "0" ? "" : yuan},${negative ? yuan : ""},${balance}${EOL}`;
  }

  function release(error?: Error) {
    // A connection given back in the middle of a COPY is destroyed (release with an error), which ends the COPY.
    client?.release(error);
    client = null;
  }

  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(BOM + head.map(csvLine).join("")));
    },
    async pull(controller) {
      if (done) return;
      try {
        if (!client) {
          client = await pool.connect();
          rows = client.query(copyTo(rowsCopySql(client, s), { highWaterMark: COPY_BUFFER }))[Symbol.asyncIterator]();
        }
        const next = await rows!.next();
        if (next.done) {
          done = true;
          release();
          controller.close();
          return;
        }
        const text = partial + decoder.write(next.value);
        const end = text.lastIndexOf("\n");
        partial = text.slice(end + 1);
        if (end < 0) return;
        let out = "";
        for (const l of text.slice(0, end).split("\n")) out += line(l);
        controller.enqueue(encoder.encode(out));
      } catch (error) {
        done = true;
        release(error as Error);
        console.error(JSON.stringify({ level: "error", where: "statement-csv", message: (error as Error).message }));
        controller.error(error);
      }
    },
    cancel() {
      // The client went away: stop the COPY and let the pool open a fresh connection when it needs one.
      done = true;
      release(new Error("statement download cancelled"));
    },
  });
}


/** A field of COPY's text format: \\N is NULL; a backslash starts an escape (only in text people typed). */
function copyField(field: string): string | null {
  if (field === "\\N") return null;
  return field.includes("\\") ? field.replace(/\\(.)/g, (_, c: string) => COPY_ESCAPES[c] ?? c) : field;
}
const COPY_ESCAPES: Record<string, string> = { b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v" };

/** Fen as yuan text ("12345" → "123.45", "5" → "0.05") from the digits PostgreSQL sends: fenToYuanString's
 * format without a round trip through BigInt. */
function yuanText(digits: string): string {
  if (digits.length > 2) return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
  return digits.length === 2 ? `0.${digits}` : `0.0${digits}`;
}
