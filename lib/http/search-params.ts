import { z } from "zod";
import { LONE_SURROGATE } from "@/lib/validation/text";
import { safeRedirectPath } from "./safe-redirect";

/**
 * Query strings are hostile input: a parameter can be repeated (`?q=a&q=b` arrives as an array), carry a
 * NUL byte (PostgreSQL refuses it in text and the query fails), be megabytes long, or hold a cursor or date
 * that parses into nothing. Every page and route handler reads its parameters through this file, each
 * described by a zod schema, so none of that reaches a query.
 *
 * - Pages: a parameter that is repeated or does not parse is ignored, as if it were absent: the page
 *   renders normally with its defaults (a crafted link is not worth an error page).
 * - Route handlers: the same becomes a 400 (a download made from a bad link should say so).
 * Parameters a page does not know are ignored either way (tracking parameters, old links).
 */

/** What Next.js passes to a page as `searchParams`, or a request's URL. */
export type RawSearchParams = Record<string, string | string[] | undefined> | URLSearchParams;
export type SearchSchema = Record<string, z.ZodType<unknown, string>>;
export type SearchValues<S extends SearchSchema> = { [K in keyof S]?: z.output<S[K]> };

// Control characters (NUL above all) never belong in a query parameter.
const NO_CONTROL = /^[^\p{Cc}]*$/u;

/** Free text from a search box, trimmed; empty means absent. */
export const searchText = (max = 100) =>
  z
    .string()
    .max(max * 4)
    .regex(NO_CONTROL)
    .transform((v) => v.trim())
    .pipe(z.string().max(max))
    .transform((v) => v || undefined);

/** One of a fixed list (statuses, sort keys, categories). */
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values);

/** A calendar day yyyy-mm-dd between 2000 and 2100 that exists (no 2026-02-31). */
export const calendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => {
    const [y, m, d] = v.split("-").map(Number);
    const date = new Date(Date.UTC(y, m - 1, d));
    return y >= 2000 && y <= 2100 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  });

const MAX_BIGINT = 2n ** 63n - 1n;
/** A keyset cursor that is a positive bigint id (postings, audit entries): it must fit the column. */
export const bigintCursor = z
  .string()
  .regex(/^[1-9]\d{0,18}$/)
  .refine((v) => /^\d+$/.test(v) && BigInt(v) <= MAX_BIGINT);

/** A keyset cursor that is a row id (a cuid or a UUID). */
export const idCursor = z.string().regex(/^[a-z0-9-]{1,40}$/);

/** An opaque, base64url keyset cursor; its owner decodes it and treats a bad one as no cursor. */
export const opaqueCursor = z.string().regex(/^[A-Za-z0-9_-]{1,200}$/);

/** A whole number within bounds (a wizard step, a page size). */
export const intBetween = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,6}$/)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

/**
 * A same-site path to return to after sign-in: parsed with the URL API against the portal's origin
 * (lib/http/safe-redirect.ts), so "//host", "/\host" or a tab after the slash never leave the portal.
 */
export const localPath = z
  .string()
  .max(500)
  .regex(NO_CONTROL)
  .refine((v) => !LONE_SURROGATE.test(v))
  .transform((v, ctx) => {
    const path = safeRedirectPath(v);
    if (!path) {
      ctx.addIssue({ code: "custom", message: "not a same-site path" });
      return z.NEVER;
    }
    return path;
  });

/** Every value of every parameter, in order. */
function valuesOf(raw: RawSearchParams): Map<string, string[]> {
  const values = new Map<string, string[]>();
  const add = (key: string, value: string) => values.set(key, [...(values.get(key) ?? []), value]);
  if (raw instanceof URLSearchParams) {
    for (const [key, value] of raw) add(key, value);
  } else {
    for (const [key, value] of Object.entries(raw)) {
      if (value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) add(key, v);
    }
  }
  return values;
}

type FieldResult = { key: string; ok: true; value: unknown } | { key: string; ok: false; reason: "repeated" | "invalid" };

function parseFields(raw: RawSearchParams, schema: SearchSchema): FieldResult[] {
  const values = valuesOf(raw);
  const results: FieldResult[] = [];
  for (const [key, field] of Object.entries(schema)) {
    const given = values.get(key);
    if (!given) continue;
    if (given.length > 1) {
      results.push({ key, ok: false, reason: "repeated" });
      continue;
    }
    const parsed = field.safeParse(given[0]);
    results.push(parsed.success ? { key, ok: true, value: parsed.data } : { key, ok: false, reason: "invalid" });
  }
  return results;
}

/** For pages: the parameters that parse; a repeated or invalid one is left out, as if absent. */
export function readSearchParams<S extends SearchSchema>(raw: RawSearchParams, schema: S): SearchValues<S> {
  const out: Record<string, unknown> = {};
  for (const field of parseFields(raw, schema)) if (field.ok && field.value !== undefined) out[field.key] = field.value;
  return out as SearchValues<S>;
}

/** For route handlers: the parameters, or a 400 naming the first bad one. */
export function parseQuery<S extends SearchSchema>(
  url: string | URL,
  schema: S,
): { ok: true; data: SearchValues<S> } | { ok: false; response: Response } {
  const fields = parseFields(new URL(url).searchParams, schema);
  const bad = fields.find((f) => !f.ok);
  if (bad) {
    const why = !bad.ok && bad.reason === "repeated" ? "is repeated" : "is not valid";
    return { ok: false, response: new Response(`Bad request: the parameter "${bad.key}" ${why}.\n`, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } }) };
  }
  return { ok: true, data: readSearchParams(new URL(url).searchParams, schema) };
}

/** Back to a query string (for "next page" and export links): only the values that parsed, never the raw ones. */
export function toQueryString(values: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  return params.toString();
}
