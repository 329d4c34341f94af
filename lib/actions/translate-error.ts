import type { z } from "zod";

export type MessageParams = Record<string, string | number>;

/** The part of a next-intl translator the action client uses (the real one, or one built in a test). */
export type Translate = { (key: never, params?: never): string; has(key: never): boolean };

/** A catalog key in the reader's language, with its parameters; an unknown key becomes the plain generic error. */
export function translateKey(t: Translate, key: string, params?: MessageParams): string {
  return t.has(key as never) ? t(key as never, params as never) : t("errors.unexpected_plain" as never);
}

const plain = (value: unknown): string | number => (typeof value === "bigint" ? value.toString() : typeof value === "number" ? value : String(value));

/**
 * What a field is called, for messages that name it ("备注最多 500 个字", "Note: at most 500 characters").
 * A form field's name is its catalog key under `fields.`; a row of a list is `<list>Row`, its number passed
 * as {line} ("lines.2.unitPrice" → fields.linesRow.unitPrice, "第 3 行单价"). `labelKey` overrides the lookup (a
 * setting's value is called by the setting's name). Unknown names become "此项"/"This field".
 */
export function fieldLabel(t: Translate, path: string, labelKey?: string): string {
  const index = /\.(\d+)(?:\.|$)/.exec(path);
  // An item of a list of values ("files.1") is called by the list; a field of a row by the row's label.
  const key = labelKey ?? `fields.${path.replace(/\.\d+$/, "").replace(/\.\d+(?=\.)/g, "Row")}`;
  const row = { line: index ? Number(index[1]) + 1 : 1 };
  return t.has(key as never) ? t(key as never, row as never) : t("fields._" as never);
}

/**
 * What a zod issue says beyond its message key, for the message's placeholders: a size limit's {max} or {min},
 * or the params a custom issue carries (the amount parser's {max}). Without them a message would show "{max}".
 */
export function issueParams(issue: z.core.$ZodIssue): MessageParams {
  if (issue.code === "too_big") return { max: plain(issue.maximum) };
  if (issue.code === "too_small") return { min: plain(issue.minimum) };
  if (issue.code === "custom" && issue.params) return Object.fromEntries(Object.entries(issue.params).map(([k, v]) => [k, plain(v)]));
  return {};
}

/**
 * One message per field, the first issue's, naming the field ({field}). Schema messages are catalog keys;
 * zod's own defaults are not, and become "{field}: this value is not valid".
 */
export function fieldErrorsFromZod(t: Translate, error: z.ZodError): Record<string, string> {
  const fields = new Map<string, string>();
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "_";
    if (fields.has(field)) continue;
    const params = { ...issueParams(issue), field: fieldLabel(t, field) };
    fields.set(field, t.has(issue.message as never) ? t(issue.message as never, params as never) : t("validation.invalid" as never, params as never));
  }
  // fromEntries: a field named "__proto__" (a record key typed by someone) stays an ordinary entry.
  return Object.fromEntries(fields);
}

/** A DomainError's field errors (catalog keys) in the reader's language, each naming its field. */
export function translateFieldErrors(
  t: Translate,
  fieldErrors: Record<string, string>,
  params: MessageParams = {},
  labelKeys: Record<string, string> = {},
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fieldErrors).map(([field, key]) => [field, translateKey(t, key, { ...params, field: fieldLabel(t, field, Object.hasOwn(labelKeys, field) ? labelKeys[field] : undefined) })]),
  );
}
