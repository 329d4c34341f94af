import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES } from "./locales";

type Tree = { [key: string]: string | Tree };
const root = path.resolve(import.meta.dirname, "../..");
const load = (locale: string) => JSON.parse(readFileSync(path.join(root, "messages", `${locale}.json`), "utf8")) as Tree;

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();

/** Every key the code names literally: t("x.y"), useTranslations("ns") + t("k"), and zod/DomainError keys. */
function keysInSource(): string[] {
  const keys = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (["node_modules", "generated", ".next"].includes(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith(".test.ts")) {
        const text = readFileSync(full, "utf8");
        for (const m of text.matchAll(/["'`]((?:validation|errors)\.[a-zA-Z_.]+)["'`]/g)) keys.add(m[1]);
      }
    }
  };
  for (const dir of ["app", "components", "lib"]) walk(path.join(root, dir));
  return [...keys].filter((k) => !k.endsWith("."));
}

describe("message catalogs", () => {
  const catalogs = Object.fromEntries(LOCALES.map((l) => [l, flatten(load(l))]));

  it("zh-CN and en have exactly the same keys", () => {
    const [a, b] = LOCALES.map((l) => [...catalogs[l].keys()].sort());
    expect(a.filter((k) => !b.includes(k))).toEqual([]);
    expect(b.filter((k) => !a.includes(k))).toEqual([]);
  });

  it("no message is empty", () => {
    for (const locale of LOCALES) {
      const empty = [...catalogs[locale]].filter(([, v]) => v.trim() === "").map(([k]) => k);
      expect(empty, locale).toEqual([]);
    }
  });

  it("each message has the same placeholders in both languages", () => {
    for (const [key, zh] of catalogs["zh-CN"]) {
      const en = catalogs.en.get(key);
      if (en !== undefined) expect(placeholders(en), key).toEqual(placeholders(zh));
    }
  });

  it("every DomainError code has its message", () => {
    const source = readFileSync(path.join(root, "lib/errors/domain-error.ts"), "utf8");
    const union = source.slice(source.indexOf("DomainErrorCode ="), source.indexOf(";", source.indexOf("DomainErrorCode =")));
    const codes = [...union.matchAll(/"(\w+)"/g)].map((m) => m[1]);
    expect(codes.length).toBeGreaterThan(5);
    expect(codes.filter((c) => !catalogs.en.has(`errors.${c}`))).toEqual([]);
  });

  it("every error and validation key used in the code exists in the catalogs", () => {
    const missing = keysInSource().filter((k) => !catalogs["zh-CN"].has(k));
    expect(missing).toEqual([]);
  });
});
