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
  return {
    feeRateBps: await getSetting(db, `merchant.feeRateBps.${risk}`),
    reserveRateBps: await getSetting(db, `merchant.reserveRateBps.${risk}`),
  };
}
