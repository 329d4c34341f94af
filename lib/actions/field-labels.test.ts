import { readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it, vi } from "vitest";
import { fieldLabel, type Translate } from "@/lib/actions/translate-error";
import { allSchemas, fieldsOf } from "@/tests/action-schemas";

vi.mock("server-only", () => ({}));
vi.mock("@/lib/auth/session", () => ({ getSession: async () => null }));
vi.mock("next-intl/server", () => ({ getTranslations: async () => () => "" }));

const root = path.resolve(import.meta.dirname, "../..");
const translators = ["zh-CN", "en"].map((locale) => ({
  locale,
  t: createTranslator({ locale, messages: JSON.parse(readFileSync(path.join(root, "messages", `${locale}.json`), "utf8")) }) as unknown as Translate,
}));

/**
 * A field's message names it ("备注最多 500 个字"), by its label under fields.* in the catalogs. Every field
 * of every form's schema (the actions' and the domain's, found from the file tree) must have one in both
 * languages, or its message would say "此项" / "This field".
 */
describe("field labels", async () => {
  const schemas = await allSchemas();
  const paths = [...new Set(schemas.flatMap(({ schema }) => fieldsOf(schema).map((f) => f.path)))].filter((p) => !p.includes("*") && p !== "(value)");

  it("finds the fields of the forms (so the check below proves something)", () => {
    for (const field of ["email", "password", "amount", "note", "lines.0.unitPrice", "creditCode", "trackingNo", "reasonCode", "body"]) expect(paths).toContain(field);
  });

  it("every field of every form has a label in both catalogs", () => {
    const missing = translators.flatMap(({ locale, t }) =>
      paths.filter((p) => fieldLabel(t, p) === fieldLabel(t, "no-such-field-anywhere")).map((p) => `${locale}: ${p}`),
    );
    expect(missing).toEqual([]);
  });

  it("a row's label says which row", () => {
    const [zh, en] = translators;
    expect(fieldLabel(zh.t, "lines.2.unitPrice")).toBe("第 3 行单价");
    expect(fieldLabel(en.t, "lines.0.quantity")).toBe("Line 1 quantity");
  });
});
