import { assertPermission, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import type { Tx } from "@/lib/db/transaction";
import { DomainError } from "@/lib/errors/domain-error";
import type { RiskLevel } from "@/lib/generated/prisma/enums";
import { SETTINGS, SETTING_KEYS, isSettingKey, type SettingKey, type SettingValue } from "./registry";


const CACHE_MS = 5_000;
let snapshot: { at: number; values: Record<SettingKey, number> } | null = null;

function valuesFrom(rows: { key: string; value: unknown }[]): Record<SettingKey, number> {
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  return Object.fromEntries(
    SETTING_KEYS.map((key) => {
      const parsed = SETTINGS[key].schema.safeParse(stored.get(key));
      return [key, parsed.success ? parsed.data : SETTINGS[key].default];
    }),
  ) as Record<SettingKey, number>;
}

/**
 * Every setting, each the stored value when valid, else its default. The money path reads settings in every
 * step, so the committed values are kept for a few seconds: an admin's change applies at once in the
 * process that made it and within CACHE_MS everywhere else. Reads go through the root client (committed
 * data), never through a caller's transaction.
 */
export async function getAllSettings(): Promise<Record<SettingKey, number>> {
  if (snapshot && Date.now() - snapshot.at < CACHE_MS) return snapshot.values;
  const { prisma } = await import("@/lib/db/client");
  const values = valuesFrom(await prisma.setting.findMany());
  snapshot = { at: Date.now(), values };
  return values;
}

/** Forget the cached settings (after a change, and between tests that reset the database). */
export function clearSettingsCache() {
  snapshot = null;
}

export async function getSetting<K extends SettingKey>(key: K): Promise<SettingValue<K>> {
  return (await getAllSettings())[key] as SettingValue<K>;
}

export async function getSettings<K extends SettingKey>(keys: readonly K[]): Promise<{ [P in K]: SettingValue<P> }> {
  const all = await getAllSettings();
  return Object.fromEntries(keys.map((key) => [key, all[key]])) as { [P in K]: SettingValue<P> };
}

/** A setting's bounds, for the message that states them. */
export const settingRange = (key: SettingKey) => ({ min: SETTINGS[key].schema.minValue ?? 0, max: SETTINGS[key].schema.maxValue ?? 0 });

/**
 * Admins only; the value (a number, or the text a form sent) is validated against the setting's schema and
 * the change is audited. A refused value's message names the setting and its range.
 */
export async function updateSetting(tx: Tx, actor: Actor, key: string, value: unknown) {
  assertPermission(actor, "settings.update");
  if (!isSettingKey(key)) throw new DomainError("not_found");
  const fieldLabels = { value: `adminSettings.keys.${key}` };
  const text = typeof value === "string" ? value.trim() : null;
  if (text !== null && !/^-?\d{1,15}$/.test(text)) {
    throw new DomainError("validation", { messageKey: "validation.setting.integer", fieldErrors: { value: "validation.setting.integer" }, fieldLabels });
  }
  const parsed = SETTINGS[key].schema.safeParse(text !== null ? Number(text) : value);
  if (!parsed.success) {
    throw new DomainError("validation", { messageKey: "validation.setting.range", params: settingRange(key), fieldErrors: { value: "validation.setting.range" }, fieldLabels });
  }
  const before = valuesFrom(await tx.setting.findMany({ where: { key } }))[key];
  if (before === parsed.data) return { key, value: before, changed: false };
  await tx.setting.upsert({
    where: { key },
    create: { key, value: parsed.data, updatedById: actor.userId },
    update: { value: parsed.data, updatedById: actor.userId, updatedAt: new Date() },
  });
  await recordAudit(tx, { actorId: actor.userId, action: "setting.update", targetType: "setting", targetId: key, before: { value: before }, after: { value: parsed.data } });
  clearSettingsCache();
  return { key, value: parsed.data, changed: true };
}

/** What a risk level costs a merchant: escrow fee rate and reserve share, in basis points. */
export async function pricingFor(risk: RiskLevel) {
  const feeKey = `merchant.feeRateBps.${risk}` as const;
  const reserveKey = `merchant.reserveRateBps.${risk}` as const;
  const values = await getSettings([feeKey, reserveKey, "merchant.reserveDays"]);
  return { feeRateBps: values[feeKey] as number, reserveRateBps: values[reserveKey] as number, reserveDays: values["merchant.reserveDays"] };
}

/**
 * Every risk level's fee and reserve rates (LOW, MEDIUM, HIGH, in that order) and the reserve period, for the
 * database's escrow_release, which picks the merchant's level under the order's lock; and the share of a release
 * that goes to a merchant's loans while one is overdue (docs/credit.md).
 */
export async function releasePricing() {
  const v = await getAllSettings();
  const levels = ["LOW", "MEDIUM", "HIGH"] as const;
  return {
    feeBps: levels.map((l) => v[`merchant.feeRateBps.${l}`]),
    reserveBps: levels.map((l) => v[`merchant.reserveRateBps.${l}`]),
    reserveDays: v["merchant.reserveDays"],
    loanShareBps: v["credit.overdueReleaseShareBps"],
  };
}
