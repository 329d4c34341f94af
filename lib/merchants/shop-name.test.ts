import { beforeEach, describe, expect, it } from "vitest";
import { inTransaction } from "@/lib/db/transaction";
import { prisma, resetDatabase } from "@/tests/db";
import { createUser } from "@/tests/fixtures";
import { renameShop } from "./shop-name";

const rename = (actor: Parameters<typeof renameShop>[1], displayName: string) => inTransaction(prisma, (tx) => renameShop(tx, actor, { displayName }));

describe("shop public name", () => {
  beforeEach(resetDatabase);

  it("a merchant renames its own shop; the change is audited with the old and new name", async () => {
    const merchant = await createUser("MERCHANT");
    const other = await createUser("MERCHANT");
    const before = (await prisma.merchant.findUniqueOrThrow({ where: { userId: merchant.id } })).displayName;
    await expect(rename(merchant.actor, "  青禾   茶舍 · 杭州 ")).resolves.toEqual({ displayName: "青禾 茶舍 · 杭州", changed: true });
    const shop = await prisma.merchant.findUniqueOrThrow({ where: { userId: merchant.id } });
    expect(shop.displayName).toBe("青禾 茶舍 · 杭州");
    expect((await prisma.merchant.findUniqueOrThrow({ where: { userId: other.id } })).displayName).toBe("MERCHANT user");
    expect(await prisma.auditLog.findMany()).toMatchObject([
      { actorId: merchant.id, action: "merchant.rename", targetType: "merchant", targetId: shop.id, before: { displayName: before }, after: { displayName: "青禾 茶舍 · 杭州" } },
    ]);
    // The same name again changes nothing and records nothing.
    await expect(rename(merchant.actor, "青禾 茶舍 · 杭州")).resolves.toMatchObject({ changed: false });
    expect(await prisma.auditLog.count()).toBe(1);
  });

  it("refuses names that are too short, too long, or carry markup, control or invisible characters", async () => {
    const merchant = await createUser("MERCHANT");
    const cases: [string, string][] = [
      ["", "validation.shopName.tooShort"],
      ["   ", "validation.shopName.tooShort"],
      ["茶", "validation.shopName.tooShort"],
      ["茶".repeat(41), "validation.shopName.tooLong"],
      ["<script>alert(1)</script>", "validation.shopName.chars"],
      ["Tea\u0000Shop", "validation.shopName.chars"],
      ["Tea\u202eShop", "validation.shopName.chars"],
      ["Tea\u200bShop", "validation.shopName.chars"],
      ["-Tea Shop", "validation.shopName.chars"],
      ["https://evil.test", "validation.shopName.chars"],
    ];
    for (const [name, key] of cases) {
      // The form shows the first problem of the field.
      const error = await rename(merchant.actor, name).catch((e) => e);
      expect(error.issues?.[0], JSON.stringify(name)).toMatchObject({ path: ["displayName"], message: key });
    }
    expect((await prisma.merchant.findUniqueOrThrow({ where: { userId: merchant.id } })).displayName).toBe("MERCHANT user");
    expect(await prisma.auditLog.count()).toBe(0);
    await expect(rename(merchant.actor, "Nanshan Digital (Shenzhen) Co., Ltd.")).resolves.toMatchObject({ changed: true });
    await expect(rename(merchant.actor, "O'Brien & Sons")).resolves.toMatchObject({ changed: true });
  });

  it("only merchants have a shop name", async () => {
    for (const role of ["BUYER", "ADMIN"] as const) {
      const user = await createUser(role);
      await expect(rename(user.actor, "Some Shop"), role).rejects.toMatchObject({ code: "forbidden" });
    }
  });
});
