import { beforeEach, describe, expect, it } from "vitest";
import { withdraw } from "@/lib/bank/withdraw";
import { inTransaction } from "@/lib/db/transaction";
import type { MerchantStatus } from "@/lib/generated/prisma/enums";
import { prisma, resetDatabase } from "@/tests/db";
import { key, newOrder } from "@/tests/escrow-fixtures";
import { createUser } from "@/tests/fixtures";
import { withdrawalTarget } from "./withdrawal-target";

const EXPECTED: Record<MerchantStatus, string> = {
  DRAFT: "blocked onboarding",
  SUBMITTED: "blocked onboarding",
  NEEDS_INFO: "blocked onboarding",
  REJECTED: "blocked rejected",
  SUSPENDED: "blocked suspended",
  APPROVED: "settlement",
};

describe("the wallet offers a withdrawal only where the server would make it", () => {
  beforeEach(resetDatabase);

  it("a buyer types a bank account; a merchant withdraws only while approved, to its reviewed account; otherwise the wallet says why", async () => {
    expect(await withdrawalTarget(prisma, (await createUser("BUYER")).actor)).toEqual({ kind: "bankAccount" });
    for (const status of Object.keys(EXPECTED) as MerchantStatus[]) {
      // Every merchant here has a reviewed settlement account and money: only its status decides.
      const merchant = await createUser("MERCHANT", { approved: true, balanceFen: 10_000n });
      await prisma.merchant.update({ where: { userId: merchant.id }, data: { status } });
      const target = await withdrawalTarget(prisma, merchant.actor);
      expect([target.kind, "reason" in target ? target.reason : null].filter(Boolean).join(" "), status).toBe(EXPECTED[status]);
      const attempt = inTransaction(prisma, (tx) => withdraw(tx, merchant.actor, { amountFen: 100n, bankAccount: "6222020000009999", idempotencyKey: key() }));
      if (target.kind === "settlement") {
        expect(target.last4).toBe("0007");
        await expect(attempt).resolves.toMatchObject({ accountLast4: "0007" });
      } else {
        await expect(attempt, status).rejects.toMatchObject({ code: "merchant_not_approved" });
      }
    }
  });

  it("a suspended merchant is told it is suspended (not to finish onboarding) when it withdraws or creates an order", async () => {
    const merchant = await createUser("MERCHANT", { approved: true, balanceFen: 10_000n });
    await prisma.merchant.update({ where: { userId: merchant.id }, data: { status: "SUSPENDED" } });
    await expect(inTransaction(prisma, (tx) => withdraw(tx, merchant.actor, { amountFen: 100n, bankAccount: "x", idempotencyKey: key() }))).rejects.toMatchObject({
      messageKey: "errors.merchant_suspended",
    });
    await expect(newOrder(merchant.actor)).rejects.toMatchObject({ code: "merchant_not_approved", messageKey: "errors.merchant_suspended" });
    const draft = await createUser("MERCHANT");
    await expect(newOrder(draft.actor)).rejects.toMatchObject({ code: "merchant_not_approved", messageKey: "errors.merchant_not_approved" });
  });

  it("an approved merchant without a reviewed account is told so, and the server refuses too", async () => {
    const merchant = await createUser("MERCHANT", { approved: true, balanceFen: 10_000n });
    await prisma.merchantApplication.update({ where: { merchantId: (await prisma.merchant.findUniqueOrThrow({ where: { userId: merchant.id } })).id }, data: { accountNumber: null } });
    expect(await withdrawalTarget(prisma, merchant.actor)).toMatchObject({ kind: "blocked", reason: "noAccount" });
    await expect(inTransaction(prisma, (tx) => withdraw(tx, merchant.actor, { amountFen: 100n, bankAccount: "6222020000009999", idempotencyKey: key() }))).rejects.toMatchObject({
      messageKey: "errors.no_settlement_account",
    });
  });
});
