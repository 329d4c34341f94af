import { beforeEach, describe, expect, it } from "vitest";
import { inTransaction } from "@/lib/db/transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { prisma, resetDatabase } from "@/tests/db";
import { createUser } from "@/tests/fixtures";
import { SETTING_KEYS, isSettingKey } from "./registry";
import { getAllSettings, updateSetting } from "./settings";

// Names every object inherits from Object.prototype: `key in SETTINGS` finds them, Object.hasOwn does not.
const INHERITED = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "isPrototypeOf", "__defineGetter__"];

describe("setting keys from input", () => {
  beforeEach(resetDatabase);

  it("only the registry's own keys are setting keys", () => {
    for (const key of INHERITED) expect(isSettingKey(key), key).toBe(false);
    for (const key of SETTING_KEYS) expect(isSettingKey(key), key).toBe(true);
    expect(isSettingKey(undefined)).toBe(false);
  });

  it("an inherited name is refused as not found, never a TypeError, and nothing is written or audited", async () => {
    const admin = await createUser("ADMIN");
    for (const key of INHERITED) {
      const error = await inTransaction(prisma, (tx) => updateSetting(tx, admin.actor, key, 10)).catch((e: unknown) => e);
      expect(error, key).toBeInstanceOf(DomainError);
      expect((error as DomainError).code, key).toBe("not_found");
    }
    expect(await prisma.setting.count()).toBe(0);
    expect(await prisma.auditLog.count()).toBe(0);
    expect(Object.keys(await getAllSettings()).sort()).toEqual([...SETTING_KEYS].sort());
  });
});

describe("a refused setting value", () => {
  beforeEach(resetDatabase);

  it("is named by its setting, and a value out of range gets the range (from the setting's own schema)", async () => {
    const admin = await createUser("ADMIN");
    const refuse = (value: unknown) => inTransaction(prisma, (tx) => updateSetting(tx, admin.actor, "merchant.feeRateBps.LOW", value)).catch((e: unknown) => e as DomainError);
    expect(await refuse("abc")).toMatchObject({ fieldErrors: { value: "validation.setting.integer" }, fieldLabels: { value: "adminSettings.keys.merchant.feeRateBps.LOW" } });
    expect(await refuse("1.5")).toMatchObject({ fieldErrors: { value: "validation.setting.integer" } });
    expect(await refuse("5000")).toMatchObject({ params: { min: 0, max: 1000 }, fieldErrors: { value: "validation.setting.range" }, fieldLabels: { value: "adminSettings.keys.merchant.feeRateBps.LOW" } });
    expect(await prisma.auditLog.count()).toBe(0);
    await inTransaction(prisma, (tx) => updateSetting(tx, admin.actor, "merchant.feeRateBps.LOW", " 80 "));
    expect((await getAllSettings())["merchant.feeRateBps.LOW"]).toBe(80);
  });
});
