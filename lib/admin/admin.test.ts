import { beforeEach, describe, expect, it } from "vitest";
import { currentSessionUser, issueSessionToken } from "@/lib/auth/session-token";
import { decideDispute } from "@/lib/disputes/decide";
import { searchOrdersForAdmin } from "@/lib/escrow/admin-orders";
import { listAudit } from "@/lib/audit/list";
import { updateSetting } from "@/lib/settings/settings";
import { inTransaction } from "@/lib/db/transaction";
import { getOwnMerchantOrThrow } from "@/lib/merchants/get-own-merchant";
import { getWalletOverview } from "@/lib/wallet/overview";
import { prisma, resetDatabase } from "@/tests/db";
import { createUser } from "@/tests/fixtures";
import { setAdminRole } from "./admin-role";
import { createAdmin } from "./create-admin";
import { getAdminOverview, listUsers } from "./overview";

describe("admin domain functions", () => {
  beforeEach(resetDatabase);

  it("an admin creates another admin, and the change is audited with who and what", async () => {
    const admin = await createUser("ADMIN");
    const created = await inTransaction(prisma, (tx) =>
      createAdmin(tx, admin.actor, { email: "Ops@Anxin.test", name: "Ops", password: "a-strong-password", adminRole: "OPERATIONS" }),
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
      const error = await inTransaction(prisma, (tx) => createAdmin(tx, admin.actor, { email: "weak@anxin.test", name: "Weak", password, adminRole: "SUPPORT" })).catch((e) => e);
      expect(error.issues, password).toEqual([expect.objectContaining({ path: ["password"], message })]);
    }
    expect(await prisma.user.count({ where: { email: "weak@anxin.test" } })).toBe(0);
    expect(await prisma.auditLog.count()).toBe(0);
  });

  it("buyers and merchants cannot create admins or read the console, even calling the domain directly", async () => {
    for (const role of ["BUYER", "MERCHANT"] as const) {
      const user = await createUser(role);
      await expect(
        inTransaction(prisma, (tx) => createAdmin(tx, user.actor, { email: `x-${role}@a.test`, name: "X", password: "a-strong-password", adminRole: "OPERATIONS" })),
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

  it("a super admin changes another admin's sub-role: audited, their sessions end, and the new permissions apply", async () => {
    process.env.NEXTAUTH_SECRET ??= "test-secret-for-session-tokens-0123456789";
    const boss = await createUser("ADMIN");
    const ops = await createUser("ADMIN", { adminRole: "OPERATIONS" });
    const stored = await prisma.user.findUniqueOrThrow({ where: { id: ops.id } });
    const token = await issueSessionToken(stored);
    expect(await currentSessionUser(prisma, token)).toMatchObject({ adminRole: "OPERATIONS" });

    const result = await inTransaction(prisma, (tx) => setAdminRole(tx, boss.actor, { userId: ops.id, adminRole: "SUPPORT" }));
    expect(result).toMatchObject({ adminRole: "SUPPORT", changed: true });
    expect(await currentSessionUser(prisma, token)).toBeNull();
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "admin.role_change" } });
    expect(audit).toMatchObject({ actorId: boss.id, targetId: ops.id, before: { adminRole: "OPERATIONS" }, after: { adminRole: "SUPPORT" } });
    // Support reads orders but decides no dispute.
    const support = { userId: ops.id, role: "ADMIN" as const, adminRole: "SUPPORT" as const };
    await expect(searchOrdersForAdmin(prisma, support, {})).resolves.toBeDefined();
    await expect(
      inTransaction(prisma, (tx) => decideDispute(tx, support, { disputeId: "x", idempotencyKey: "k" }, { outcome: "RELEASE", reasonCode: "NO_EVIDENCE", note: "x" } as never)),
    ).rejects.toMatchObject({ code: "forbidden" });
  });

  it("only a super admin manages sub-roles; nobody changes their own; the last super admin stays one", async () => {
    const boss = await createUser("ADMIN");
    const risk = await createUser("ADMIN", { adminRole: "RISK" });
    const finance = await createUser("ADMIN", { adminRole: "FINANCE" });
    await expect(inTransaction(prisma, (tx) => setAdminRole(tx, risk.actor, { userId: finance.id, adminRole: "SUPER_ADMIN" }))).rejects.toMatchObject({ code: "forbidden" });
    await expect(inTransaction(prisma, (tx) => setAdminRole(tx, boss.actor, { userId: boss.id, adminRole: "SUPPORT" }))).rejects.toMatchObject({ messageKey: "errors.admin_role_self" });
    await inTransaction(prisma, (tx) => setAdminRole(tx, boss.actor, { userId: finance.id, adminRole: "SUPER_ADMIN" }));
    const financeAsSuper = { ...finance.actor, adminRole: "SUPER_ADMIN" as const };
    // Two super admins: one may demote the other, but then the last one cannot be demoted by anyone.
    await inTransaction(prisma, (tx) => setAdminRole(tx, financeAsSuper, { userId: boss.id, adminRole: "RISK" }));
    const bossAsRisk = { ...boss.actor, adminRole: "RISK" as const };
    await expect(inTransaction(prisma, (tx) => setAdminRole(tx, bossAsRisk, { userId: finance.id, adminRole: "RISK" }))).rejects.toMatchObject({ code: "forbidden" });
    expect(await prisma.user.count({ where: { adminRole: "SUPER_ADMIN" } })).toBe(1);
    // Buyers are not administrators: no sub-role for them, and the database refuses one.
    const buyer = await createUser("BUYER");
    await expect(inTransaction(prisma, (tx) => setAdminRole(tx, financeAsSuper, { userId: buyer.id, adminRole: "SUPPORT" }))).rejects.toMatchObject({ code: "not_found" });
    await expect(prisma.user.update({ where: { id: buyer.id }, data: { adminRole: "SUPPORT" } })).rejects.toThrow(/users_admin_role_only_for_admins/);
    await expect(prisma.user.update({ where: { id: risk.id }, data: { adminRole: null } })).rejects.toThrow(/users_admin_role_only_for_admins/);
  });

  it("each admin domain function refuses a sub-role without its permission", async () => {
    const support = await createUser("ADMIN", { adminRole: "SUPPORT" });
    const finance = await createUser("ADMIN", { adminRole: "FINANCE" });
    await expect(listAudit(prisma, support.actor)).rejects.toMatchObject({ code: "forbidden" });
    await expect(getAdminOverview(prisma, support.actor)).rejects.toMatchObject({ code: "forbidden" });
    await expect(listUsers(prisma, finance.actor)).rejects.toMatchObject({ code: "forbidden" });
    await expect(inTransaction(prisma, (tx) => updateSetting(tx, support.actor, "order.autoConfirmDays", 10))).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      inTransaction(prisma, (tx) => createAdmin(tx, finance.actor, { email: "x@anxin.test", name: "X", password: "a-strong-password", adminRole: "SUPPORT" })),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(listAudit(prisma, finance.actor)).resolves.toBeDefined();
    await expect(listUsers(prisma, support.actor)).resolves.toBeDefined();
  });
});
