import { Readable, pipeline } from "node:stream";
import { stringify } from "csv-stringify";
import { type CsvCell, toField } from "./cell-policy";

/**
 * Every CSV export: csv-stringify's stream API (quoting and escaping are its job, not ours), each cell through
 * the one cell policy, UTF-8 with a byte order mark so Excel reads Chinese correctly, CRLF line ends. Rows are
 * pulled from `rows` only as fast as the client reads, so an export never holds all its rows in memory.
 */
export function csvStream(header: CsvCell[], rows: AsyncIterable<CsvCell[]>): ReadableStream<Uint8Array> {
  async function* records() {
    yield header.map(toField);
    for await (const row of rows) yield row.map(toField);
  }
  // With CRLF records, csv-stringify quotes a field holding "\r\n" but not one holding a bare "\n" or "\r";
  // spreadsheets would start a new row there, so any line break is quoted.
  const csv = stringify({ bom: true, record_delimiter: "windows", quoted_match: /[\r\n]/ });
  // pipeline, not pipe: a failing source (the database) ends the download with an error instead of leaving it
  // open, and a client that goes away stops the source.
  pipeline(Readable.from(records()), csv, (error) => {
    const clientLeft = error?.name === "AbortError" || error?.code === "ERR_STREAM_PREMATURE_CLOSE";
    if (error && !clientLeft) {
      console.error(JSON.stringify({ level: "error", where: "csv", message: error.message, stack: error.stack }));
    }
  });
  return Readable.toWeb(csv) as ReadableStream<Uint8Array>;
}

/** The response headers of a CSV download; `filename` is plain ASCII chosen by the code. */
export function csvHeaders(filename: string): HeadersInit {
  return {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="${filename}"`,
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
  };
}
