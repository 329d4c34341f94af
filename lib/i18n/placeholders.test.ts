import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * A message with placeholders ("单笔金额不能超过 {max}") shows "{max}" when the code that uses it does not pass
 * that parameter. This reads every place the code names a message and checks the parameters it passes:
 *  - translator calls: t("key", { … }) where t = useTranslations("ns") / getTranslations("ns"), including
 *    template keys (t(`status.${s}`) → every key it can reach) and conditional keys;
 *  - catalog keys written out in full ("validation.amount.max") in DomainErrors and zod schemas: the object
 *    around the key must carry the parameters (zod's .max(n)/.min(n) give {max}/{min}, and the action client
 *    always adds the {field} the message is about: lib/actions/translate-error.ts);
 *  - DomainError codes (errors.<code>) and notify(…, kind, params) (notifications.kinds.<kind>).
 * A call whose key is computed at run time is listed in COMPUTED below with the keys it can show.
 */

type Tree = { [key: string]: string | Tree };
const root = path.resolve(import.meta.dirname, "../..");
const flatten = (tree: Tree, prefix = ""): [string, string][] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [[`${prefix}${k}`, v] as [string, string]] : flatten(v, `${prefix}${k}.`)));
const messages = new Map(flatten(JSON.parse(readFileSync(path.join(root, "messages/zh-CN.json"), "utf8"))));
const placeholdersOf = (key: string) => [...new Set([...(messages.get(key) ?? "").matchAll(/\{\s*(\w+)/g)].map((m) => m[1]))];

/** Calls whose key is computed: the keys they may show, and (when the values are not written at the call) the names they pass. */
const COMPUTED: { file: string; firstArg: string; keys: string; passes?: string[]; why: string }[] = [
  { file: "lib/actions/translate-error.ts", firstArg: "key", keys: "errors.*|validation.*|fields.*", passes: ["*"], why: "a DomainError's key and params: checked where each DomainError is made (below); a field's label gets its {line}" },
  { file: "lib/actions/translate-error.ts", firstArg: "issue.message", keys: "validation.*|errors.*", passes: ["*"], why: "a zod issue's key and params: checked where each schema names its key (below) and by lib/validation/text-fields.test.ts" },
  { file: "components/orders/timeline.tsx", firstArg: "type", keys: "orderEvents.*", why: "the event's type (or paid_fund/paid_split for a payment from the fund); one values object built above the call for every event" },
  { file: "components/notifications/notification-list.tsx", firstArg: "key", keys: "notifications.kinds.*", passes: ["*"], why: "params stored by notify(), checked at each notify() call" },
  { file: "app/api/statements/statement-request.ts", firstArg: "key", keys: "statements.*|wallet.kinds.*|wallet.causes.*", passes: ["*"], why: "the statement's labels handed to lib/statements, whose calls pass each message its values (checked there)" },
  { file: "components/statements/statement-page.tsx", firstArg: "key", keys: "statements.*|wallet.kinds.*|wallet.causes.*", passes: ["*"], why: "the page's translator handed to describeRow, whose calls pass each message its values" },
  { file: "lib/statements/describe.ts", firstArg: "kindKey", keys: "wallet.kinds.*", why: "a movement's journal kind, when the catalog names it" },
  { file: "lib/statements/describe.ts", firstArg: "key", keys: "wallet.kinds.*|wallet.causes.*", passes: ["*"], why: "describer formats once what describeRow asks for, with the same keys and values" },
  { file: "components/wallet/money-form.tsx", firstArg: "successKey", keys: "wallet.topUpDone|wallet.withdrawDone", why: "the two success messages" },
  { file: "app/admin/merchants/page.tsx", firstArg: "k", keys: "adminMerchants.waitedDays|adminMerchants.waitedHours", passes: ["days", "hours"], why: "waited() passes them" },
  { file: "app/api/merchant/orders-csv/route.ts", firstArg: "column", keys: "ordersCsv.*", why: "column headings" },
  { file: "app/api/merchant/orders-csv/route.ts", firstArg: "status", keys: "orderStatus.*", why: "status words" },
  { file: "components/orders/status-badge.tsx", firstArg: "status", keys: "orderStatus.*", why: "status words" },
  { file: "components/merchant/status-badge.tsx", firstArg: "status", keys: "merchantStatus.*", why: "status words" },
  { file: "components/forms/file-input.tsx", firstArg: "found.key", keys: "validation.file.*|validation.evidence.*", passes: ["max"], why: "fileSelectionProblem returns the key with its {max}" },
  { file: "components/layout/language-switch.tsx", firstArg: "next", keys: "language.zh-CN|language.en", why: "language names" },
  { file: "components/audit/audit-values.tsx", firstArg: "key", keys: "merchantStatus.*|disputes.status.*|adminMerchants.risk.*|disputes.decisionReasons.*|rejectReasons.*|roles.*|onboarding.fields.*", why: "an audit value's code by its label" },
  { file: "components/account/language-form.tsx", firstArg: "value", keys: "language.zh-CN|language.en", why: "language names" },
];

/** Keys handed to a function that adds the parameters itself. */
const FILLED_BY: { file: string; key: string; passes: string[]; why: string }[] = [
  { file: "lib/merchants/onboarding/documents.ts", key: "validation.file.tooLarge", passes: ["max"], why: "checkDocumentBytes adds {max} from the limit it checks" },
  { file: "lib/disputes/thread.ts", key: "validation.evidence.tooLarge", passes: ["max"], why: "given to checkDocumentBytes, which adds {max}" },
  { file: "lib/uploads/limits.ts", key: "validation.file.tooLarge", passes: ["max"], why: "fileSelectionProblem adds {max}" },
  { file: "lib/uploads/limits.ts", key: "validation.evidence.tooLarge", passes: ["max"], why: "fileSelectionProblem adds {max}" },
  { file: "lib/uploads/limits.ts", key: "validation.evidence.tooMany", passes: ["max"], why: "fileSelectionProblem adds {max}" },
];

/** Helpers whose result is spread or passed as a message's values, and the names they return. */
const VALUE_HELPERS: Record<string, string[]> = { remaining: ["days", "hours"], settingRange: ["min", "max"] };

const sourceFiles = (dir: string): string[] =>
  readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return ["generated", "node_modules"].includes(e.name) ? [] : sourceFiles(rel);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [rel] : [];
  });

/** The index of the bracket closing the one at `open`; strings and template literals are skipped. */
function closing(text: string, open: number): number {
  const pairs: Record<string, string> = { "(": ")", "{": "}", "[": "]" };
  const stack: string[] = [];
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === "`") {
      for (i++; i < text.length && text[i] !== c; i++) {
        if (text[i] === "\\") i++;
        else if (c === "`" && text[i] === "$" && text[i + 1] === "{") i = closing(text, i + 1);
      }
    } else if (pairs[c]) stack.push(pairs[c]);
    else if (c === stack[stack.length - 1]) {
      stack.pop();
      if (stack.length === 0) return i;
    }
  }
  return text.length;
}

/** The bracket that encloses `at`, and its end. */
function enclosing(text: string, at: number): { start: number; end: number } {
  for (let i = at - 1, depth = 0; i >= 0; i--) {
    const c = text[i];
    if (c === ")" || c === "}" || c === "]") depth++;
    else if (c === "(" || c === "{" || c === "[") {
      if (depth === 0) return { start: i, end: closing(text, i) };
      depth--;
    }
  }
  return { start: 0, end: text.length };
}

/** Top-level arguments of the call whose "(" is at `open`. */
function argumentsOf(text: string, open: number): string[] {
  const end = closing(text, open);
  const args: string[] = [];
  let from = open + 1;
  for (let i = open + 1; i < end; i++) {
    const c = text[i];
    if ("({[\"'`".includes(c)) i = "\"'`".includes(c) ? skipString(text, i) : closing(text, i);
    else if (c === ",") {
      args.push(text.slice(from, i).trim());
      from = i + 1;
    }
  }
  args.push(text.slice(from, end).trim());
  return args.filter((a) => a !== "");
}

function skipString(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (quote === "`" && text[i] === "$" && text[i + 1] === "{") i = closing(text, i + 1);
    else if (text[i] === quote) return i;
  }
  return text.length;
}

/** The parameter names a piece of code passes: property names, shorthands, known helpers, objects spread from a const. */
function namesPassed(code: string, file: string): Set<string> {
  const stripped = code.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""');
  const names = new Set<string>();
  for (const m of stripped.matchAll(/([A-Za-z_$][\w$]*)\s*:(?!:)/g)) names.add(m[1]);
  for (const m of stripped.matchAll(/[{,]\s*([A-Za-z_$][\w$]*)\s*(?=[,}])/g)) names.add(m[1]);
  for (const [helper, returned] of Object.entries(VALUE_HELPERS)) if (new RegExp(`\\b${helper}\\(`).test(stripped)) returned.forEach((n) => names.add(n));
  for (const m of stripped.matchAll(/(?:^|[\s,(])(?:\.\.\.)?([A-Za-z_$][\w$]*)(?:\s+as\s+\w+)?\s*$|\.\.\.([A-Za-z_$][\w$]*)/gm)) {
    const id = m[1] ?? m[2];
    const literal = new RegExp(`const ${id}\\s*=\\s*\\{`).exec(file);
    if (literal) namesPassed(file.slice(literal.index + literal[0].length - 1, closing(file, literal.index + literal[0].length - 1) + 1), "").forEach((n) => names.add(n));
  }
  return names;
}

const keysMatching = (pattern: string) => {
  const alternatives = pattern.split("|").map((p) => new RegExp(`^${p.replace(/\./g, "\\.").replace(/\*/g, "[^]*")}$`));
  return [...messages.keys()].filter((k) => alternatives.some((re) => re.test(k)));
};

const usedComputed = new Set<(typeof COMPUTED)[number]>();
const usedFillers = new Set<(typeof FILLED_BY)[number]>();

type Use = { file: string; line: number; keys: string[]; passed: Set<string>; text: string };

function usesIn(file: string): { uses: Use[]; computed: string[]; unknown: string[] } {
  const text = readFileSync(path.join(root, file), "utf8");
  const lineOf = (index: number) => text.slice(0, index).split("\n").length;
  const uses: Use[] = [];
  const computed: string[] = [];
  const unknown: string[] = [];
  const covered = new Set<number>();

  // 1. Translator calls. Each call belongs to the nearest declaration of its name above it (one file may hold
  // a t for "login" and another t for "errors"); a translator passed in as a parameter is the root one.
  const declarations: { name: string; ns: string; at: number }[] = [];
  for (const m of text.matchAll(/(?:const|let)\s+(\w+)\s*=\s*(?:await\s+)?(?:useTranslations|getTranslations)\(\s*(?:(["'])([\w.]+)\2)?\s*\)/g)) {
    declarations.push({ name: m[1], ns: m[3] ? `${m[3]}.` : "", at: m.index! });
  }
  // A translator passed in as a parameter: its namespace is the caller's, so a literal key may sit under any.
  for (const m of text.matchAll(/\b(t)\s*:\s*(?:Translate|\()/g)) declarations.push({ name: m[1], ns: "?", at: m.index! });
  const nsAt = (name: string, at: number) => declarations.filter((d) => d.name === name && d.at < at).sort((a, b) => b.at - a.at)[0]?.ns ?? "";
  const resolve = (ns: string, key: string) => (ns === "?" ? [...messages.keys()].filter((k) => k === key || k.endsWith(`.${key}`)) : [`${ns}${key}`]);
  for (const name of new Set(declarations.map((d) => d.name))) {
    for (const m of text.matchAll(new RegExp(`(?<![.\\w])${name}\\(`, "g"))) {
      const ns = nsAt(name, m.index!);
      const open = m.index! + name.length;
      const [raw = "", ...rest] = argumentsOf(text, open);
      // `x as never` is only a cast; a literal compared in a condition (status === "OPEN" ? …) is no key.
      const first = raw.replace(/\s+as\s+never$/, "").trim();
      const keyish = first.replace(/[!=]==?\s*("[^"]*"|'[^']*')/g, "");
      const passed = namesPassed(rest.join(","), text);
      const literals = [...keyish.matchAll(/"([\w.]+)"|'([\w.]+)'/g)].map((l) => l[1] ?? l[2]);
      const template = /^`([^`]*)`$/.exec(first)?.[1];
      let keys: string[];
      const entry = COMPUTED.find((c) => c.file === file && c.firstArg === first);
      if (entry) {
        keys = keysMatching(entry.keys);
        entry.passes?.forEach((n) => passed.add(n));
        usedComputed.add(entry);
      } else if (template !== undefined) keys = keysMatching(`${ns === "?" ? "*" : ns}${template.replace(/\$\{[^}]*\}/g, "*")}`);
      else if (literals.length > 0 && !/[\w)\]]\s*\??\.?\(/.test(keyish.replace(/"[^"]*"|'[^']*'/g, ""))) {
        keys = literals.flatMap((l) => resolve(ns, l));
        literals.filter((l) => resolve(ns, l).length === 0).forEach((l) => unknown.push(`${file}:${lineOf(m.index!)} ${l}`));
      } else if (ns && ns !== "?" && keysMatching(`${ns}*`).every((k) => placeholdersOf(k).length === 0)) keys = []; // nothing there to fill
      else {
        computed.push(`${file}:${lineOf(m.index!)} ${name}(${first}, …)`);
        continue;
      }
      for (const k of keys) if (!messages.has(k)) unknown.push(`${file}:${lineOf(m.index!)} ${k}`);
      uses.push({ file, line: lineOf(m.index!), keys: keys.filter((k) => messages.has(k)), passed, text: `${name}(${first}, …)` });
      const end = closing(text, open);
      for (let i = open; i <= end; i++) covered.add(i);
    }
  }

  // 2. Keys written out in full, outside translator calls: DomainError message keys, zod messages.
  for (const [key] of messages) {
    if (placeholdersOf(key).length === 0) continue;
    for (const m of text.matchAll(new RegExp(`["'\`]${key.replace(/\./g, "\\.")}["'\`]`, "g"))) {
      if (covered.has(m.index!)) continue;
      // The whole object literal around the key ({ messageKey, params, fieldErrors: { f: key } }), not just
      // the innermost braces.
      let region = enclosing(text, m.index!);
      while (text[region.start] === "{") {
        const parent = enclosing(text, region.start);
        if (text[parent.start] !== "{" || parent.start === 0) break;
        region = parent;
      }
      const passed = namesPassed(text.slice(region.start, region.end + 1), text);
      // The action client names the field of every message it translates (fieldLabel in translate-error.ts).
      passed.add("field");
      const filler = FILLED_BY.find((f) => f.file === file && f.key === key);
      if (filler) {
        filler.passes.forEach((n) => passed.add(n));
        usedFillers.add(filler);
      }
      const before = text.slice(Math.max(0, region.start - 40), region.start);
      const limit = /\.(max|min)\(\s*[\w.]+\s*,\s*$/.exec(before);
      if (limit) passed.add(limit[1]);
      uses.push({ file, line: lineOf(m.index!), keys: [key], passed, text: key });
    }
  }

  // 3. DomainError codes with their default key, and notifications.
  for (const m of text.matchAll(/new DomainError\(\s*"(\w+)"/g)) {
    const call = text.slice(m.index!, closing(text, m.index! + "new DomainError".length) + 1);
    if (/messageKey\s*:/.test(call)) continue;
    uses.push({ file, line: lineOf(m.index!), keys: [`errors.${m[1]}`], passed: new Set([...namesPassed(call, text), "field"]), text: call.slice(0, 60) });
  }
  for (const m of text.matchAll(/(?<!function )\bnotify\(/g)) {
    const [, , kind = "", ...rest] = argumentsOf(text, m.index! + "notify".length);
    const literals = [...kind.matchAll(/["'`]([^"'`]*)["'`]/g)].map((l) => l[1]).filter((l) => !/^[A-Z_]+$/.test(l));
    if (literals.length === 0) {
      if (kind !== "extra.notification") computed.push(`${file}:${lineOf(m.index!)} notify(…, ${kind})`);
      continue;
    }
    const keys = literals.flatMap((l) => keysMatching(`notifications.kinds.${l.replace(/\$\{[^}]*\}/g, "*")}`));
    const passed = namesPassed(rest.join(","), text);
    // lib/notifications/params.ts's messageValues turns a stored amountFen into the {amount} text.
    if (passed.has("amountFen")) passed.add("amount");
    uses.push({ file, line: lineOf(m.index!), keys, passed, text: `notify(${kind})` });
  }
  return { uses, computed, unknown };
}

describe("message placeholders", () => {
  const files = ["app", "components", "lib"].flatMap(sourceFiles);
  const results = files.map(usesIn);
  const uses = results.flatMap((r) => r.uses);

  it("reads the code (the scan finds the translator calls, DomainErrors and notifications it must check)", () => {
    expect(uses.length).toBeGreaterThan(300);
    const keys = new Set(uses.flatMap((u) => u.keys));
    for (const key of ["validation.amount.max", "validation.lines.tooMany", "orders.linesLimit", "errors.login_locked", "notifications.kinds.dispute.opened", "disputes.claimHint", "orderEvents.shipped"]) {
      expect(keys, key).toContain(key);
    }
  });

  it("every call that names a message passes each of its placeholders", () => {
    const unfilled = uses.flatMap((u) =>
      u.keys.flatMap((key) =>
        placeholdersOf(key)
          .filter((p) => !u.passed.has(p) && !u.passed.has("*"))
          .map((p) => `${u.file}:${u.line} ${u.text} → ${key} needs {${p}}`),
      ),
    );
    expect(unfilled).toEqual([]);
  });

  it("every call whose key is computed is listed with the keys it can show", () => {
    expect(results.flatMap((r) => r.computed)).toEqual([]);
  });

  it("lists no computed call or filler that is not in the code any more", () => {
    expect(COMPUTED.filter((c) => !usedComputed.has(c))).toEqual([]);
    expect(FILLED_BY.filter((f) => !usedFillers.has(f))).toEqual([]);
  });

  it("every literal key a translator is called with exists", () => {
    expect(results.flatMap((r) => r.unknown)).toEqual([]);
  });
});
