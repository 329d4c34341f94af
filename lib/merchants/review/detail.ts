import type { PrismaClient } from "@/lib/generated/prisma/client";
import { assertPermission, type Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors/domain-error";
import { accountNumberProblem } from "../checks/banks";
import { creditCodeProblem } from "../checks/credit-code";
import { mobileProblem } from "../checks/mobile";
import { residentIdProblem } from "../checks/resident-id";
import { findIdentityMatches } from "./identity-matches";

export type CheckResult = { check: string; ok: boolean; problem: string | null };

/** Everything an admin needs to decide: fields, documents, history, and each check run again now. */
export async function getMerchantForAdmin(db: PrismaClient, actor: Actor, merchantId: string) {
  assertPermission(actor, "merchant.view");
  const merchant = await db.merchant.findUnique({
    where: { id: merchantId },
    include: {
      user: { select: { email: true, name: true, createdAt: true } },
      application: true,
      documents: { orderBy: { kind: "asc" } },
      reviews: { orderBy: { id: "desc" }, take: 50 },
    },
  });
  if (!merchant) throw new DomainError("not_found");
  const a = merchant.application;
  const run = (check: string, problem: string | null | undefined): CheckResult => ({ check, ok: problem === null, problem: problem ?? "validation.required" });
  const checks: CheckResult[] = a
    ? [
        run("creditCode", a.creditCode ? creditCodeProblem(a.creditCode) : undefined),
        run("repIdNumber", a.repIdNumber ? residentIdProblem(a.repIdNumber) : undefined),
        run("repMobile", a.repMobile ? mobileProblem(a.repMobile) : undefined),
        run("accountNumber", a.accountNumber && a.bankCode ? accountNumberProblem(a.bankCode, a.accountNumber) : undefined),
        run(
          "accountHolder",
          a.accountHolder ? ([a.registeredName, a.repName].includes(a.accountHolder) ? null : "validation.accountHolder") : undefined,
        ),
        run("documents", merchant.documents.length === 3 ? null : "validation.required"),
      ]
    : [];
  return { merchant, checks, matches: await findIdentityMatches(db, merchantId) };
}
