import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { registerUser } from "@/lib/auth/register";
import { topUp } from "@/lib/bank/top-up";
import { SANDBOX_CARD } from "@/lib/bank/sandbox-card";
import { inTransaction } from "@/lib/db/transaction";
import type { AdminRole, Role } from "@/lib/generated/prisma/enums";
import { hashPassword } from "@/lib/auth/password";
import { prisma } from "./db";

export const TEST_PASSWORD = "correct-horse-battery";

export async function createUser(role: Role, options: { email?: string; balanceFen?: bigint; approved?: boolean; adminRole?: AdminRole } = {}) {
  const email = options.email ?? `${role.toLowerCase()}-${randomUUID().slice(0, 8)}@test.anxin`;
  const user =
    role === "ADMIN"
      ? await prisma.user.create({ data: { email, name: "Admin", role, adminRole: options.adminRole ?? "SUPER_ADMIN", passwordHash: await hashPassword(TEST_PASSWORD) } })
      : await inTransaction(prisma, (tx) => registerUser(tx, { email, name: `${role} user`, password: TEST_PASSWORD, role, locale: "zh-CN" }));
  if (role === "MERCHANT" && options.approved) {
    // An approved merchant has been through onboarding: it has a reviewed settlement account.
    await prisma.merchant.update({
      where: { userId: user.id },
      data: {
        status: "APPROVED",
        riskLevel: "MEDIUM",
        application: { create: { completedSteps: [1, 2, 3, 4], registeredName: "测试商家", bankCode: "CMB", accountHolder: "测试商家", accountNumber: "6222020000000007" } },
      },
    });
  }
  const actor: Actor = { userId: user.id, role, adminRole: role === "ADMIN" ? (options.adminRole ?? "SUPER_ADMIN") : null };
  if (options.balanceFen && options.balanceFen > 0n) {
    await inTransaction(prisma, (tx) =>
      topUp(tx, actor, { amountFen: options.balanceFen!, cardNumber: SANDBOX_CARD, idempotencyKey: randomUUID() }),
    );
  }
  return { ...user, email, actor };
}
