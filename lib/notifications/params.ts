import { formatFen } from "@/lib/money/fen";
import { formatDateTime } from "@/lib/time/format";

/** A translator over the whole catalog (next-intl's, root namespace). */
export type RootTranslate = { (key: string): string; has(key: string): boolean };

const translated = (t: RootTranslate, key: string, fallback: string) => (t.has(key) ? t(key) : fallback);

/**
 * The values a notification or email message is filled with, in the reader's language: stored params are
 * codes and raw values (an amount in fen, a time, a risk level), turned into text here. Anything not a
 * string or number is left out, so a message never shows "[object Object]".
 */
export function messageValues(params: Record<string, unknown>, t: RootTranslate, locale: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) if (typeof value === "string" || typeof value === "number") values[key] = String(value);
  if (/^-?\d+$/.test(values.amountFen ?? "")) values.amount = formatFen(BigInt(values.amountFen));
  if (values.deadline && !Number.isNaN(Date.parse(values.deadline))) values.deadline = formatDateTime(new Date(values.deadline), locale);
  if (values.riskLevel) values.riskLevel = translated(t, `notifications.risk.${values.riskLevel}`, values.riskLevel);
  if (values.reasonCode) values.reason = translated(t, `rejectReasons.${values.reasonCode}`, values.reasonCode);
  if (values.carrier) values.carrier = translated(t, `carriers.${values.carrier}`, values.carrier);
  return values;
}
