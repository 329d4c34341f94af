import { beforeEach, describe, expect, it } from "vitest";
import { inTransaction } from "@/lib/db/transaction";
import { getOwnMerchantOrThrow } from "@/lib/merchants/get-own-merchant";
import { getWalletOverview } from "@/lib/wallet/overview";
import { prisma, resetDatabase } from "@/tests/db";
import { createUser } from "@/tests/fixtures";
import { createAdmin } from "./create-admin";
import { getAdminOverview, listUsers } from "./overview";

describe("admin domain functions", () => {
  beforeEach(resetDatabase);

  it("an admin creates another admin, and the change is audited with who and what", async () => {
    const admin = await createUser("ADMIN");
    const created = await inTransaction(prisma, (tx) =>
      createAdmin(tx, admin.actor, { email: "Ops@Anxin.test", name: "Ops", password: "a-strong-password" }),
    );
    expect(created.email).toBe("ops@anxin.test");
    const stored = await prisma.user.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.role).toBe("ADMIN");
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { targetId: created.id } });
    expect(audit).toMatchObject({ actorId: admin.id, action: "admin.create", targetType: "user" });
    expect(audit.after).toMatchObject({ email: "ops@anxin.test", role: "ADMIN" });
  });

  it("an admin-created user gets the same password rules as a sign-up: weak and common passwords are refused", async () => {
    const admin = await createUser("ADMIN");
    for (const [password, message] of [
      ["          ", "validation.password.repetitive"],
      ["1111111111", "validation.password.repetitive"],
      ["qwertyuiop", "validation.password.common"],
    ]) {
      const error = await inTransaction(prisma, (tx) => createAdmin(tx, admin.actor, { email: "weak@anxin.test", name: "Weak", password })).catch((e) => e);
      expect(error.issues, password).toEqual([expect.objectContaining({ path: ["password"], message })]);
    }
    expect(await prisma.user.count({ where: { email: "weak@anxin.test" } })).toBe(0);
    expect(await prisma.auditLog.count()).toBe(0);
  });

  it("buyers and merchants cannot create admins or read the console, even calling the domain directly", async () => {
    for (const role of ["BUYER", "MERCHANT"] as const) {
      const user = await createUser(role);
      await expect(
        inTransaction(prisma, (tx) => createAdmin(tx, user.actor, { email: `x-${role}@a.test`, name: "X", password: "a-strong-password" })),
      ).rejects.toMatchObject({ code: "forbidden" });
      await expect(getAdminOverview(prisma, user.actor)).rejects.toMatchObject({ code: "forbidden" });
      await expect(listUsers(prisma, user.actor)).rejects.toMatchObject({ code: "forbidden" });
    }
    expect(await prisma.user.count({ where: { role: "ADMIN" } })).toBe(0);
    expect(await prisma.auditLog.count()).toBe(0);
  });

  it("an admin has no wallet page and no merchant record to read; a buyer has no merchant record", async () => {
    const admin = await createUser("ADMIN");
    const buyer = await createUser("BUYER");
    await expect(getWalletOverview(prisma, admin.actor)).rejects.toMatchObject({ code: "forbidden" });
    await expect(getOwnMerchantOrThrow(prisma, buyer.actor)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("the overview counts users by role and sums the wallets", async () => {
    const admin = await createUser("ADMIN");
    await createUser("BUYER", { balanceFen: 1_000n });
    await createUser("MERCHANT", { balanceFen: 234n });
    const overview = await getAdminOverview(prisma, admin.actor);
    expect(overview.users).toMatchObject({ ADMIN: 1, BUYER: 1, MERCHANT: 1 });
    expect(overview.merchants).toMatchObject({ DRAFT: 1 });
    expect(overview.walletTotalFen).toBe(1_234n);
    const search = await listUsers(prisma, admin.actor, { q: "merchant" });
    expect(search.users.map((u) => u.role)).toEqual(["MERCHANT"]);
  });
});
