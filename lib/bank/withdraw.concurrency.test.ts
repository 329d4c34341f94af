import { beforeEach, describe, expect, it } from "vitest";
import { inTransaction } from "@/lib/db/transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { verifyLedger } from "@/lib/ledger/verify";
import { prisma, resetDatabase } from "@/tests/db";
import { createUser } from "@/tests/fixtures";
import { BANK_ACCOUNT, bankClearingBalance, key, transfer, walletBalance, yuan } from "@/tests/ledger-helpers";
import { withdraw } from "./withdraw";

describe("withdrawals and transfers under concurrency", () => {
  beforeEach(resetDatabase);

  it("50 concurrent withdrawals from one wallet never overdraw it", async () => {
    const buyer = await createUser("BUYER", { balanceFen: yuan(1_000) });
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () =>
        inTransaction(prisma, (tx) => withdraw(tx, buyer.actor, { amountFen: yuan(30), bankAccount: BANK_ACCOUNT, idempotencyKey: key() })),
      ),
    );
    const succeeded = results.filter((r) => r.status === "fulfilled");
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(succeeded).toHaveLength(33);
    expect(failed).toHaveLength(17);
    for (const f of failed) {
      expect(f.reason).toBeInstanceOf(DomainError);
      expect((f.reason as DomainError).code).toBe("insufficient_funds");
    }
    expect(await walletBalance(buyer.id)).toBe(yuan(10));
    // Every successful withdrawal saw a distinct running balance: none of them read a stale one.
    const balancesAfter = succeeded.map((r) => (r as PromiseFulfilledResult<{ balanceFen: bigint }>).value.balanceFen);
    expect(new Set(balancesAfter).size).toBe(33);
    expect(await prisma.journal.count({ where: { kind: "WITHDRAWAL" } })).toBe(33);
    expect(await verifyLedger(prisma)).toEqual([]);
  });

  it("two wallets paying each other in opposite directions at once never surface a deadlock and conserve the total", async () => {
    const a = await createUser("BUYER", { balanceFen: yuan(500) });
    const b = await createUser("BUYER", { balanceFen: yuan(500) });
    const bankBefore = await bankClearingBalance();
    const rounds = 40;
    let attempts = 0;
    const results = await Promise.allSettled(
      Array.from({ length: rounds }, (_, i) =>
        inTransaction(prisma, (tx) => {
          attempts++;
          return i % 2 === 0 ? transfer(tx, a.id, b.id, yuan(3)) : transfer(tx, b.id, a.id, yuan(2));
        }),
      ),
    );
    const errors = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => String(r.reason));
    expect(errors).toEqual([]);
    // Accounts are locked in one order whichever way the money goes, so nothing even needed a retry.
    expect(attempts).toBe(rounds);
    const [balanceA, balanceB] = [await walletBalance(a.id), await walletBalance(b.id)];
    expect(balanceA).toBe(yuan(500) - 20n * yuan(3) + 20n * yuan(2));
    expect(balanceB).toBe(yuan(500) + 20n * yuan(3) - 20n * yuan(2));
    expect(balanceA + balanceB).toBe(yuan(1_000));
    expect(await bankClearingBalance()).toBe(bankBefore);
    expect(await prisma.journal.count({ where: { kind: "TRANSFER" } })).toBe(rounds);
    expect(await verifyLedger(prisma)).toEqual([]);
  });
});
