import type { Fen } from "@/lib/money/fen";
import { fenToYuanString } from "@/lib/money/fen";
import { PLATFORM_TIME_ZONE } from "@/lib/time/format";
import { stripBidiControls } from "@/lib/validation/text";

/**
 * The one cell policy of every CSV export. Text typed by people goes through `neutralise`; values the
 * platform itself formats (amounts, times, identifiers) are made here as SafeCells and written as they are.
 * The writer (lib/csv/stream.ts) applies it to every cell, so an export cannot forget it.
 */
export type SafeCell = { readonly safe: string };
export type CsvCell = string | null | undefined | SafeCell;

/**
 * A spreadsheet runs a cell as a formula when it starts with = + - @ (full-width ＝＋－＠ too, which some
 * imports fold), or with a tab or carriage return that an import strips before looking. Leading spaces are
 * skipped in the test for the same reason. Such a cell gets a leading apostrophe: Excel and LibreOffice then
 * show it as text (the apostrophe stays visible, which is the point: nothing is hidden).
 */
const FORMULA_START = /^[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/;

export function neutralise(text: string): string {
  const clean = stripBidiControls(text);
  return FORMULA_START.test(clean) ? `'${clean}` : clean;
}

/**
 * An identifier made of digits (order numbers: 16 digits) that must stay text. Excel and LibreOffice read a
 * field of digits as a number, and a double keeps 15 significant digits: 2026112400000123 would become
 * 2.02611E+15 and lose its last digit. A leading tab keeps the field text in both (it is not a digit, a
 * space they trim, or a formula), stays invisible, and is not a formula like ="2026…", which this policy
 * itself would have to refuse. The cost: the cell holds a tab (TRIM/CLEAN in the sheet removes it).
 */
export const identifier = (value: string): SafeCell => ({ safe: `\t${neutralise(value)}` });

/** Yuan as a plain number (1234.56, no symbol or grouping) so sheets can add it up; empty when unknown. */
export const amount = (fen: Fen | null | undefined): SafeCell => ({ safe: fen == null ? "" : fenToYuanString(fen) });

const timeParts = new Intl.DateTimeFormat("en-US", {
  timeZone: PLATFORM_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

const part = (parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";

/** A moment in platform time (Asia/Shanghai) as yyyy-MM-dd HH:mm:ss, which sheets read as a date and time. */
export function platformDateTime(date: Date): string {
  const p = timeParts.formatToParts(date);
  return `${part(p, "year")}-${part(p, "month")}-${part(p, "day")} ${part(p, "hour")}:${part(p, "minute")}:${part(p, "second")}`;
}

/** The platform day (Asia/Shanghai) as yyyy-MM-dd, for file names. */
export const platformDate = (date: Date) => platformDateTime(date).slice(0, 10);

export const dateTime = (date: Date | null | undefined): SafeCell => ({ safe: date ? platformDateTime(date) : "" });

/** What the writer puts in the file for one cell. */
export function toField(cell: CsvCell): string {
  if (cell == null) return "";
  if (typeof cell === "string") return neutralise(cell);
  return cell.safe;
}
