import type { PrismaClient } from "@/lib/generated/prisma/client";
import { assertRole, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import type { Tx } from "@/lib/db/transaction";
import { DomainError } from "@/lib/errors/domain-error";
import type { RiskLevel } from "@/lib/generated/prisma/enums";
import { SETTINGS, SETTING_KEYS, isSettingKey, type SettingKey, type SettingValue } from "./registry";

type Db = PrismaClient | Tx;

/** A setting's value: the stored one when it is valid, else the default. */
export async function getSetting<K extends SettingKey>(db: Db, key: K): Promise<SettingValue<K>> {
  const row = await db.setting.findUnique({ where: { key } });
  const parsed = SETTINGS[key].schema.safeParse(row?.value);
  return (parsed.success ? parsed.data : SETTINGS[key].default) as SettingValue<K>;
}

/** Several settings in one query (the money path reads a few at once). */
export async function getSettings<K extends SettingKey>(db: Db, keys: readonly K[]): Promise<{ [P in K]: SettingValue<P> }> {
  const rows = await db.setting.findMany({ where: { key: { in: [...keys] } } });
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  return Object.fromEntries(
    keys.map((key) => {
      const parsed = SETTINGS[key].schema.safeParse(stored.get(key));
      return [key, parsed.success ? parsed.data : SETTINGS[key].default];
    }),
  ) as { [P in K]: SettingValue<P> };
}

export async function getAllSettings(db: Db): Promise<Record<SettingKey, number>> {
  const rows = await db.setting.findMany();
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  return Object.fromEntries(
    SETTING_KEYS.map((key) => {
      const parsed = SETTINGS[key].schema.safeParse(stored.get(key));
      return [key, parsed.success ? parsed.data : SETTINGS[key].default];
    }),
  ) as Record<SettingKey, number>;
}

/** Admins only; the value is validated against the setting's schema and the change is audited. */
export async function updateSetting(tx: Tx, actor: Actor, key: string, value: unknown) {
  assertRole(actor, ["ADMIN"]);
  if (!isSettingKey(key)) throw new DomainError("not_found");
  const parsed = SETTINGS[key].schema.safeParse(value);
  if (!parsed.success) throw new DomainError("validation", { messageKey: "errors.setting_invalid", fieldErrors: { [key]: "errors.setting_invalid" } });
  const before = await getSetting(tx, key);
  if (before === parsed.data) return { key, value: before, changed: false };
  await tx.setting.upsert({
    where: { key },
    create: { key, value: parsed.data, updatedById: actor.userId },
    update: { value: parsed.data, updatedById: actor.userId, updatedAt: new Date() },
  });
  await recordAudit(tx, { actorId: actor.userId, action: "setting.update", targetType: "setting", targetId: key, before: { value: before }, after: { value: parsed.data } });
  return { key, value: parsed.data, changed: true };
}

/** What a risk level costs a merchant: escrow fee rate and reserve share, in basis points. */
export async function pricingFor(db: Db, risk: RiskLevel) {
  const feeKey = `merchant.feeRateBps.${risk}` as const;
  const reserveKey = `merchant.reserveRateBps.${risk}` as const;
  const values = await getSettings(db, [feeKey, reserveKey, "merchant.reserveDays"]);
  return { feeRateBps: values[feeKey] as number, reserveRateBps: values[reserveKey] as number, reserveDays: values["merchant.reserveDays"] };
}
