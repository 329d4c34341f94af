import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { inTransaction } from "@/lib/db/transaction";
import { userAccountCode } from "@/lib/ledger/accounts";
import { listMovements } from "@/lib/ledger/statement";
import { verifyLedger } from "@/lib/ledger/verify";
import { prisma, resetDatabase } from "@/tests/db";
import { createUser } from "@/tests/fixtures";
import { BANK_ACCOUNT, bankClearingBalance, expectDomainError, key, ledgerCounts, walletBalance, yuan } from "@/tests/ledger-helpers";
import { withdraw } from "./withdraw";

const doWithdraw = (actor: Actor, amountFen: bigint, bankAccount = BANK_ACCOUNT) =>
  inTransaction(prisma, (tx) => withdraw(tx, actor, { amountFen, bankAccount, idempotencyKey: key() }));

describe("withdraw", () => {
  beforeEach(resetDatabase);

  it("moves money from the wallet to bank clearing and writes a statement line with the running balance", async () => {
    const buyer = await createUser("BUYER", { balanceFen: yuan(200) });
    const result = await doWithdraw(buyer.actor, yuan(75.25), "6217-0000-1234-5678");
    expect(result).toMatchObject({ amountFen: 7_525n, balanceFen: 12_475n, accountLast4: "5678", replayed: false });
    expect(await walletBalance(buyer.id)).toBe(12_475n);
    expect(await bankClearingBalance()).toBe(-12_475n);
    const journal = await prisma.journal.findUniqueOrThrow({ where: { id: result.journalId } });
    expect(journal).toMatchObject({ kind: "WITHDRAWAL", reference: "bank:****5678", createdById: buyer.id });
    const wallet = await prisma.ledgerAccount.findUniqueOrThrow({ where: { code: userAccountCode(buyer.id, "WALLET") } });
    const [latest] = (await listMovements(prisma, wallet.id, { limit: 1 })).movements;
    expect(latest).toMatchObject({ kind: "WITHDRAWAL", amount: -7_525n, balanceAfter: 12_475n, journalId: result.journalId });
    expect(await verifyLedger(prisma)).toEqual([]);
  });

  it("may empty the wallet exactly but never overdraw it", async () => {
    const buyer = await createUser("BUYER", { balanceFen: yuan(30) });
    const before = await ledgerCounts();
    await expectDomainError(doWithdraw(buyer.actor, yuan(30) + 1n), "insufficient_funds");
    expect(await ledgerCounts()).toEqual(before);
    expect((await doWithdraw(buyer.actor, yuan(30))).balanceFen).toBe(0n);
    await expectDomainError(doWithdraw(buyer.actor, 1n), "insufficient_funds");
    expect(await walletBalance(buyer.id)).toBe(0n);
  });

  it("refuses a bank account number that is not 12–19 digits, and moves nothing", async () => {
    const buyer = await createUser("BUYER", { balanceFen: yuan(100) });
    const before = await ledgerCounts();
    for (const account of ["12345678901", "12345678901234567890", "6217 0000 1234 567X", "", "abcdefghijklmn"]) {
      const error = await expectDomainError(doWithdraw(buyer.actor, yuan(1), account), "validation");
      expect(error.fieldErrors).toEqual({ bankAccount: "validation.bankAccount" });
    }
    expect(await ledgerCounts()).toEqual(before);
    expect(await walletBalance(buyer.id)).toBe(yuan(100));
  });

  it("refuses a zero or negative amount", async () => {
    const buyer = await createUser("BUYER", { balanceFen: yuan(100) });
    await expectDomainError(doWithdraw(buyer.actor, 0n), "invalid_amount");
    await expectDomainError(doWithdraw(buyer.actor, -500n), "invalid_amount");
    expect(await walletBalance(buyer.id)).toBe(yuan(100));
  });

  it("a merchant not yet APPROVED cannot withdraw; an approved one can", async () => {
    const draft = await createUser("MERCHANT", { balanceFen: yuan(100) });
    await expectDomainError(doWithdraw(draft.actor, yuan(10)), "merchant_not_approved");
    for (const status of ["SUBMITTED", "NEEDS_INFO", "REJECTED", "SUSPENDED"] as const) {
      await prisma.merchant.update({ where: { userId: draft.id }, data: { status, riskLevel: "LOW" } });
      await expectDomainError(doWithdraw(draft.actor, yuan(10)), "merchant_not_approved");
    }
    expect(await walletBalance(draft.id)).toBe(yuan(100));

    const approved = await createUser("MERCHANT", { balanceFen: yuan(100), approved: true });
    expect((await doWithdraw(approved.actor, yuan(10))).balanceFen).toBe(yuan(90));
    expect(await verifyLedger(prisma)).toEqual([]);
  });

  it("a merchant actor without a merchant record cannot withdraw", async () => {
    const buyer = await createUser("BUYER", { balanceFen: yuan(100) });
    // A session claiming MERCHANT for a user who has no merchant row (e.g. a stale role) is refused.
    await expectDomainError(doWithdraw({ userId: buyer.id, role: "MERCHANT" }, yuan(10)), "merchant_not_approved");
    expect(await walletBalance(buyer.id)).toBe(yuan(100));
  });
});
