import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { fieldErrorsFromZod, type Translate } from "@/lib/actions/translate-error";
import { textKinds } from "./text";
import { WRAPPERS, allSchemas, defOf, fieldsOf } from "@/tests/action-schemas";

// Every action module is imported for real, so its schemas are the ones the app uses; only what needs a
// Next.js request is replaced.
vi.mock("server-only", () => ({}));
vi.mock("@/lib/auth/session", () => ({ getSession: async () => null }));
vi.mock("next-intl/server", () => ({ getTranslations: async () => () => "" }));

const root = path.resolve(import.meta.dirname, "../..");


/** Does the field read text at all (its innermost input is a string, or anything)? Enums, files, numbers do not. */
function takesText(schema: z.ZodType): boolean {
  const def = defOf(schema);
  if (WRAPPERS.has(def.type)) return takesText(def.innerType as z.ZodType);
  if (def.type === "pipe") return takesText(def.in as z.ZodType);
  if (def.type === "union") return (def.options as z.ZodType[]).some(takesText);
  return ["string", "unknown", "any"].includes(def.type);
}

/** Which text helper built the field, if one did (lib/validation/text.ts registers them). */
function kindOf(schema: z.ZodType): string | undefined {
  const kind = textKinds.get(schema)?.kind;
  if (kind) return kind;
  const def = defOf(schema);
  if (WRAPPERS.has(def.type)) return kindOf(def.innerType as z.ZodType);
  if (def.type === "pipe") return kindOf(def.in as z.ZodType) ?? kindOf(def.out as z.ZodType);
  return undefined;
}

/** Valid values of every kind of field the forms have; each field must accept at least one. */
const SAMPLES = [
  "hello",
  "2026-11-23",
  "/merchant/orders",
  "青禾茶舍",
  "Alice Zhang",
  "A longer message about the parcel",
  "12.50",
  "5",
  "buyer@anxin.test",
  "https://shop.example.com",
  "91350100M000100Y43",
  "11010519491231002X",
  "13800138000",
  "6222020000000007",
  "SF1234567890",
  "clx1a2b3c4d5e6f7g8h9i0jkl",
  "0123456789abcdef0123",
  "correct-horse-battery",
  "merchant.reserveDays",
  "30",
  // A password reset link's token (32 random bytes, base64url), sent back by the reset form.
  "YSByZXNldCBsaW5rIHRva2VuLCAzMiBieXRlcyBvayE",
];
const CONTROLS = ["\u0000", "\u0001", "\u0008", "\u001b", "\u007f", "\u0085", "\u009b", "\ud800"];
const LINE_BREAKS = ["\n", "\r", "\t", "\u2028"];
const BIDI = ["\u202a", "\u202e", "\u2066", "\u2069"];
/** Stands for "a list longer than allowed" in the hostile inputs (the order's lines). */
const MANY = "(60 lines)";
const insert = (text: string, c: string) => `${text.slice(0, Math.ceil(text.length / 2))}${c}${text.slice(Math.ceil(text.length / 2))}`;

const catalog = (locale: string) => JSON.parse(readFileSync(path.join(root, "messages", `${locale}.json`), "utf8"));
// A message missing a parameter comes out with the braces still in it (as production's precompiled messages
// do), instead of the development fallback, so the check below sees it.
const translators = ["zh-CN", "en"].map(
  (locale) =>
    createTranslator({ locale, messages: catalog(locale), onError: () => {}, getMessageFallback: ({ key }) => `{unfilled ${key}}` }) as unknown as Translate,
);

describe("text fields of every form", async () => {
  const schemas = await allSchemas();
  const fields = schemas.flatMap(({ name, schema }) => fieldsOf(schema).map((f) => ({ ...f, name: `${name} › ${f.path}` }))).filter((f) => takesText(f.schema));

  it("finds every action and schema (so a new one cannot be missed silently)", () => {
    const names = fields.map((f) => f.name).join("\n");
    expect(schemas.length).toBeGreaterThan(25);
    for (const field of ["register/actions.ts action #1 (auth.register) › name", "lines.0.name", "› description", "› body", "› note", "› message", "› reason", "› buyerContact", "› cardNumber", "› registeredName", "› key", "› value", "› *"]) {
      expect(names).toContain(field);
    }
  });

  it("every text field accepts some ordinary value (else the checks below would prove nothing)", () => {
    const untested = fields.filter((f) => !SAMPLES.some((s) => f.schema.safeParse(s).success)).map((f) => f.name);
    expect(untested).toEqual([]);
  });

  it("every text field refuses NUL and other control characters with a field error", () => {
    const accepting: string[] = [];
    for (const field of fields) {
      for (const sample of SAMPLES.filter((s) => field.schema.safeParse(s).success)) {
        for (const c of CONTROLS) {
          for (const text of [insert(sample, c), sample + c, c + sample]) {
            if (field.schema.safeParse(text).success) accepting.push(`${field.name} accepts ${JSON.stringify(text)}`);
          }
        }
      }
    }
    expect(accepting).toEqual([]);
  });

  it("line breaks and tabs reach stored text only where the field is multi-line", () => {
    // Around a number they are only spacing (a pasted "88.50\t"): what counts is what the field keeps.
    const accepting: string[] = [];
    for (const field of fields.filter((f) => kindOf(f.schema) !== "multiLine")) {
      for (const sample of SAMPLES.filter((s) => field.schema.safeParse(s).success)) {
        for (const c of LINE_BREAKS) {
          const parsed = field.schema.safeParse(insert(sample, c));
          if (parsed.success && typeof parsed.data === "string" && /[\n\r\t\u2028]/.test(parsed.data)) accepting.push(`${field.name} keeps ${JSON.stringify(parsed.data)}`);
        }
      }
    }
    expect(accepting).toEqual([]);
    const multiLine = fields.filter((f) => kindOf(f.schema) === "multiLine");
    expect(multiLine.length).toBeGreaterThan(5);
    for (const field of multiLine) expect(field.schema.safeParse("first line\nsecond line\twith a tab").success, field.name).toBe(true);
  });

  it("bidirectional override characters never reach what other people read (passwords are read by no one and kept exact)", () => {
    const kept: string[] = [];
    for (const field of fields.filter((f) => kindOf(f.schema) !== "secret")) {
      for (const sample of SAMPLES.filter((s) => field.schema.safeParse(s).success)) {
        for (const c of BIDI) {
          const parsed = field.schema.safeParse(insert(sample, c));
          if (parsed.success && JSON.stringify(parsed.data, (_k, v) => (typeof v === "bigint" ? v.toString() : v)).match(/[\u202a-\u202e\u2066-\u2069]/)) {
            kept.push(`${field.name} keeps ${JSON.stringify(c)}`);
          }
        }
      }
    }
    expect(kept).toEqual([]);
  });

  it("every message a refused field gets is complete in both languages: no unfilled {placeholder}", () => {
    const hostile = ["", " ", "\u0000", "x".repeat(5_000), "-1", "1,00", "9".repeat(40), "１e３", "\n", "=1+1", MANY];
    const unfilled: string[] = [];
    for (const { name, schema } of schemas) {
      const leaves = fieldsOf(schema);
      const shapes = leaves.map((f) => f.path);
      // A valid line, so that only the number of lines is wrong (a list's own limit is checked after its items).
      const validItem = (head: string) =>
        Object.fromEntries(leaves.filter((f) => f.path.startsWith(`${head}.0.`)).map((f) => [f.path.split(".")[2], SAMPLES.find((v) => f.schema.safeParse(v).success)]));
      for (const bad of hostile) {
        // Every field at once gets the hostile value (lines as a list of one line).
        const input: Record<string, unknown> = {};
        for (const p of shapes) {
          const [head, , leaf] = p.split(".");
          if (p.includes(".0.") && bad === MANY) input[head] = Array.from({ length: 60 }, () => validItem(head));
          else if (p.includes(".0.")) input[head] = [{ ...((input[head] as object[] | undefined)?.[0] ?? {}), [leaf]: bad }];
          else if (p.endsWith("*")) input["lines.0.name"] = bad;
          else input[p.split(".")[0]] = bad;
        }
        const result = schema.safeParse(input);
        if (result.success) continue;
        for (const t of translators) {
          for (const [field, message] of Object.entries(fieldErrorsFromZod(t, result.error))) {
            if (/\{\w+/.test(message)) unfilled.push(`${name} › ${field}: ${message}`);
          }
        }
      }
    }
    expect(unfilled).toEqual([]);
  });
});
