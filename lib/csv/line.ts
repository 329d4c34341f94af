import { type CsvCell, toField } from "./cell-policy";

export const BOM = "\ufeff";
export const EOL = "\r\n";

/**
 * One CSV line written by hand, byte for byte what lib/csv/stream.ts's csv-stringify writes with the same
 * options (a field is quoted when it holds a comma, a quote or any line break; quotes are doubled; CRLF ends
 * the line): the big statement export builds a page of lines as one string instead of paying csv-stringify's
 * per-record cost. lib/csv/line.test.ts holds it to csv-stringify's output for arbitrary text.
 */
export function csvLine(cells: readonly CsvCell[]): string {
  let line = "";
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) line += ",";
    line += quoteField(toField(cells[i]));
  }
  return line + EOL;
}

const NEEDS_QUOTES = /[",\r\n]/;

export function quoteField(field: string): string {
  return NEEDS_QUOTES.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}
