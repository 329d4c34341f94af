import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, AUDIT_FIELDS, AUDIT_TARGETS } from "@/lib/audit/actions";
import { DECISION_REASONS } from "@/lib/disputes/decide";
import { DISPUTE_REASONS } from "@/lib/disputes/open";
import { ORDER_SORTS } from "@/lib/escrow/queries";
import { CARRIERS } from "@/lib/escrow/ship";
import * as enums from "@/lib/generated/prisma/enums";
import { JOURNAL_KINDS } from "@/lib/ledger/kinds";
import { BANK_CODES } from "@/lib/merchants/checks/banks";
import { DOCUMENT_KINDS } from "@/lib/merchants/onboarding/documents";
import { ALL_FIELDS, BUSINESS_CATEGORIES } from "@/lib/merchants/onboarding/schemas";
import { REJECT_REASONS } from "@/lib/merchants/review/decide";
import { NOTIFICATION_KINDS } from "@/lib/notifications/kinds";
import { SETTINGS, SETTING_KEYS } from "@/lib/settings/registry";
import { LOCALES } from "./locales";

type Tree = { [key: string]: string | Tree };
const root = path.resolve(import.meta.dirname, "../..");
const catalogs = LOCALES.map((locale) => ({ locale, tree: JSON.parse(readFileSync(path.join(root, "messages", `${locale}.json`), "utf8")) as Tree }));
const lookup = (tree: Tree, key: string) => key.split(".").reduce<string | Tree | undefined>((node, part) => (node && typeof node === "object" ? node[part] : undefined), tree);

/** Each code with the catalog key that names it; a missing or non-text entry in either language is listed. */
function unlabelled(codes: readonly string[], keyOf: (code: string) => string): string[] {
  return catalogs.flatMap(({ locale, tree }) =>
    codes.filter((code) => {
      const text = lookup(tree, keyOf(code));
      return typeof text !== "string" || text.trim() === "";
    }).map((code) => `${locale}: ${keyOf(code)}`),
  );
}

/**
 * Which catalog names each database enum's values. Every enum Prisma generates must be here (so a new one
 * cannot reach a page as "ID_FRONT"), or in NEVER_SHOWN with the reason people never see its values.
 */
const ENUM_LABELS: Record<string, string[]> = {
  Role: ["roles"],
  MerchantStatus: ["merchantStatus"],
  RiskLevel: ["adminMerchants.risk", "notifications.risk"],
  EntityType: ["onboarding.entityTypes"],
  DocumentKind: ["onboarding.fields", "fields"],
  OrderStatus: ["orderStatus"],
  DisputeStatus: ["disputes.status"],
  DisputeReason: ["disputes.reasons"],
  AdminRole: ["adminRoles", "adminRoleHints"],
  EmailStatus: ["adminOutbox.statuses"],
  LoanProduct: ["credit.products"],
  RepaymentMethod: ["credit.methods"],
  LoanApplicationStatus: ["credit.applicationStatus"],
  LoanStatus: ["credit.loanStatus"],
};
const NEVER_SHOWN: Record<string, string> = { AccountType: "ledger account types are internal: pages show balances, never account types" };

describe("every code the domain produces has a label in both catalogs", () => {
  it("database enums: each value, in each catalog that names it", () => {
    const names = Object.keys(enums).filter((name) => typeof (enums as Record<string, unknown>)[name] === "object");
    expect(names.length).toBeGreaterThan(5);
    expect(names.filter((n) => !(n in ENUM_LABELS) && !(n in NEVER_SHOWN))).toEqual([]);
    const missing = Object.entries(ENUM_LABELS).flatMap(([name, namespaces]) => {
      const values = Object.values((enums as unknown as Record<string, Record<string, string>>)[name]);
      return namespaces.flatMap((ns) => unlabelled(values, (v) => `${ns}.${v}`));
    });
    expect(missing).toEqual([]);
  });

  it("audit log: actions, targets and the fields of their values", () => {
    expect(unlabelled(AUDIT_ACTIONS, (a) => `adminAudit.actions.${a}`)).toEqual([]);
    expect(unlabelled(AUDIT_TARGETS, (a) => `adminAudit.targets.${a}`)).toEqual([]);
    expect(unlabelled(AUDIT_FIELDS, (a) => `adminAudit.fields.${a}`)).toEqual([]);
  });

  it("the audit actions list is what the code records (recordAudit takes only these; the review's are built from statuses)", () => {
    const source = ["lib/settings/settings.ts", "lib/admin/create-admin.ts", "lib/disputes/decide.ts", "lib/merchants/review/decide.ts", "lib/merchants/onboarding/submit.ts"]
      .map((f) => readFileSync(path.join(root, f), "utf8"))
      .join("\n");
    const literal = [...source.matchAll(/action:\s*"([\w.]+)"/g)].map((m) => m[1]);
    expect(literal.length).toBeGreaterThan(4);
    expect(literal.filter((a) => !(AUDIT_ACTIONS as readonly string[]).includes(a))).toEqual([]);
    for (const status of ["APPROVED", "REJECTED", "NEEDS_INFO", "SUSPENDED"]) expect(AUDIT_ACTIONS).toContain(`merchant.${status.toLowerCase()}`);
  });

  it("settings: a human name and a unit", () => {
    expect(unlabelled(SETTING_KEYS, (k) => `adminSettings.keys.${k}`)).toEqual([]);
    expect(unlabelled(SETTING_KEYS, (k) => `adminSettings.units.${SETTINGS[k as keyof typeof SETTINGS].unit}`)).toEqual([]);
  });

  it("notifications, journal kinds, reasons, decisions, carriers, categories, banks, documents, onboarding fields, sorts, languages", () => {
    expect(unlabelled(NOTIFICATION_KINDS, (k) => `notifications.kinds.${k}`)).toEqual([]);
    expect(unlabelled(JOURNAL_KINDS, (k) => `wallet.kinds.${k}`)).toEqual([]);
    expect(unlabelled(REJECT_REASONS, (k) => `rejectReasons.${k}`)).toEqual([]);
    expect(unlabelled(DECISION_REASONS, (k) => `disputes.decisionReasons.${k}`)).toEqual([]);
    expect(unlabelled(DISPUTE_REASONS, (k) => `disputes.reasons.${k}`)).toEqual([]);
    expect(unlabelled(["REFUND_FULL", "REFUND_PART", "RELEASE"], (k) => `disputes.outcomes.${k}`)).toEqual([]);
    expect(unlabelled(["OPENED", "MESSAGE", "OFFER", "CONTEST", "ACCEPT", "ESCALATE", "WITHDRAW", "DECISION", "DEADLINE"], (k) => `disputes.kinds.${k}`)).toEqual([]);
    expect(unlabelled(["BUYER", "MERCHANT", "ADMIN", "SYSTEM"], (k) => `disputes.roles.${k}`)).toEqual([]);
    expect(unlabelled(CARRIERS, (k) => `carriers.${k}`)).toEqual([]);
    expect(unlabelled(BUSINESS_CATEGORIES, (k) => `onboarding.categories.${k}`)).toEqual([]);
    expect(unlabelled(BANK_CODES, (k) => `onboarding.banks.${k}`)).toEqual([]);
    expect(unlabelled(DOCUMENT_KINDS, (k) => `onboarding.fields.${k}`)).toEqual([]);
    expect(unlabelled(ALL_FIELDS, (k) => `onboarding.fields.${k}`)).toEqual([]);
    expect(unlabelled(ALL_FIELDS, (k) => `fields.${k}`)).toEqual([]);
    expect(unlabelled(ORDER_SORTS, (k) => `orders.sorts.${k}`)).toEqual([]);
    expect(unlabelled(LOCALES, (k) => `language.${k}`)).toEqual([]);
  });

  it("dispute thread kinds written by the code are the ones labelled above", () => {
    const files = ["lib/disputes/open.ts", "lib/disputes/respond.ts", "lib/disputes/decide.ts", "lib/disputes/deadlines.ts", "lib/disputes/settle.ts"];
    const kinds = files.flatMap((f) => {
      try {
        return [...readFileSync(path.join(root, f), "utf8").matchAll(/addToThread\([^;]*?kind:\s*"([A-Z_]+)"/g)].map((m) => m[1]);
      } catch {
        return [];
      }
    });
    expect(kinds.length).toBeGreaterThan(3);
    expect(unlabelled([...new Set(kinds)], (k) => `disputes.kinds.${k}`)).toEqual([]);
  });

  it("order events written by the code (TypeScript and SQL) each have their line in the timeline", () => {
    const sources = ["lib/escrow", "lib/disputes"].flatMap((dir) =>
      readdir(dir).map((f) => readFileSync(path.join(root, f), "utf8")),
    );
    const migrations = readdir("prisma/migrations").map((f) => readFileSync(path.join(root, f), "utf8"));
    const types = new Set<string>();
    for (const text of sources) {
      for (const m of text.matchAll(/addOrderEvent\([^,]+,[^,]+,\s*"(\w+)"/g)) types.add(m[1]);
      for (const m of text.matchAll(/"(confirmed|auto_confirmed|dispute_released)"/g)) types.add(m[1]);
    }
    for (const text of [...sources, ...migrations]) {
      for (const m of text.matchAll(/INSERT INTO order_events[^;]*?SELECT[^;]*?'([a-z_]+)'/g)) types.add(m[1]);
    }
    expect(types.size).toBeGreaterThan(6);
    expect(unlabelled([...types], (k) => `orderEvents.${k}`)).toEqual([]);
  });
});

function readdir(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return readdir(rel);
    return /\.(ts|sql)$/.test(e.name) && !e.name.endsWith(".test.ts") ? [rel] : [];
  });
}
