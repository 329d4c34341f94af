import { beforeEach, describe, expect, it } from "vitest";
import { topUp } from "@/lib/bank/top-up";
import { withdraw } from "@/lib/bank/withdraw";
import { inTransaction } from "@/lib/db/transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { prisma, resetDatabase } from "@/tests/db";
import { createUser } from "@/tests/fixtures";
import { BANK_ACCOUNT, GOOD_CARD, expectDomainError, key, ledgerCounts, walletBalance, yuan } from "@/tests/ledger-helpers";
import { assertRole, type Actor } from "./actor";

const codeOf = (fn: () => void) => {
  try {
    fn();
  } catch (e) {
    return e instanceof DomainError ? e.code : `not a DomainError: ${String(e)}`;
  }
  return "allowed";
};

describe("assertRole", () => {
  it("refuses a missing actor as unauthenticated, before looking at roles", () => {
    expect(codeOf(() => assertRole(null, ["BUYER"]))).toBe("unauthenticated");
    expect(codeOf(() => assertRole(undefined, ["BUYER", "MERCHANT", "ADMIN"]))).toBe("unauthenticated");
  });

  it("refuses a role that is not listed as forbidden, and allows the listed ones", () => {
    const actor = (role: Actor["role"]): Actor => ({ userId: "u1", role });
    expect(codeOf(() => assertRole(actor("ADMIN"), ["BUYER", "MERCHANT"]))).toBe("forbidden");
    expect(codeOf(() => assertRole(actor("BUYER"), ["ADMIN"]))).toBe("forbidden");
    expect(codeOf(() => assertRole(actor("MERCHANT"), []))).toBe("forbidden");
    expect(codeOf(() => assertRole(actor("BUYER"), ["BUYER", "MERCHANT"]))).toBe("allowed");
    expect(codeOf(() => assertRole(actor("ADMIN"), ["ADMIN"]))).toBe("allowed");
  });
});

describe("money movements check the actor themselves", () => {
  beforeEach(resetDatabase);

  it("topUp refuses an admin (forbidden) and a missing actor (unauthenticated), moving nothing", async () => {
    const admin = await createUser("ADMIN");
    const before = await ledgerCounts();
    const input = () => ({ amountFen: yuan(10), cardNumber: GOOD_CARD, idempotencyKey: key() });
    await expectDomainError(inTransaction(prisma, (tx) => topUp(tx, admin.actor, input())), "forbidden");
    await expectDomainError(inTransaction(prisma, (tx) => topUp(tx, null as unknown as Actor, input())), "unauthenticated");
    expect(await ledgerCounts()).toEqual(before);
    expect(await prisma.idempotencyKey.count()).toBe(0);
    expect(await walletBalance(admin.id)).toBe(0n);
  });

  it("withdraw refuses an admin (forbidden) and a missing actor (unauthenticated), moving nothing", async () => {
    const buyer = await createUser("BUYER", { balanceFen: yuan(50) });
    const admin = await createUser("ADMIN");
    const before = await ledgerCounts();
    const input = () => ({ amountFen: yuan(10), bankAccount: BANK_ACCOUNT, idempotencyKey: key() });
    await expectDomainError(inTransaction(prisma, (tx) => withdraw(tx, admin.actor, input())), "forbidden");
    await expectDomainError(inTransaction(prisma, (tx) => withdraw(tx, null as unknown as Actor, input())), "unauthenticated");
    // An admin cannot reach a user's wallet by naming that user with the ADMIN role either.
    await expectDomainError(inTransaction(prisma, (tx) => withdraw(tx, { userId: buyer.id, role: "ADMIN" }, input())), "forbidden");
    expect(await ledgerCounts()).toEqual(before);
    expect(await walletBalance(buyer.id)).toBe(yuan(50));
  });
});
