import { beforeEach, describe, expect, it } from "vitest";
import { inTransaction } from "@/lib/db/transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { prisma, resetDatabase } from "@/tests/db";
import { createUser } from "@/tests/fixtures";
import { transfer, walletBalance, yuan } from "@/tests/ledger-helpers";
import { reverseJournal } from "./post";
import { verifyLedger } from "./verify";

/** Resolves once some other session of this database is waiting for a lock. */
async function someoneWaitsForALock(timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const [{ n }] = await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
    if (n > 0) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error("no session started waiting for a lock");
}

describe("reverseJournal under concurrency", () => {
  beforeEach(resetDatabase);

  it("a journal reversed by two transactions at once is reversed once; the second is refused as invalid_transition", async () => {
    const alice = await createUser("BUYER", { balanceFen: yuan(100) });
    const bob = await createUser("BUYER", { balanceFen: yuan(100) });
    const paid = await inTransaction(prisma, (tx) => transfer(tx, alice.id, bob.id, yuan(10)));

    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    // The first reversal posts, then keeps its transaction open until the second one is waiting.
    const first = inTransaction(prisma, async (tx) => {
      const reversal = await reverseJournal(tx, paid.journalId, null);
      await held;
      return reversal;
    });
    await new Promise((r) => setTimeout(r, 200));
    const second = inTransaction(prisma, (tx) => reverseJournal(tx, paid.journalId, null)).then(
      () => null,
      (e: unknown) => e,
    );
    await someoneWaitsForALock();
    release();
    await first;
    const error = await second;
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("invalid_transition");

    expect(await prisma.journal.count({ where: { reversesId: paid.journalId } })).toBe(1);
    expect(await walletBalance(alice.id)).toBe(yuan(100));
    expect(await walletBalance(bob.id)).toBe(yuan(100));
    expect(await verifyLedger(prisma)).toEqual([]);
  });

  it("10 concurrent reversals of one journal reverse it once; the others are refused as invalid_transition", async () => {
    const alice = await createUser("BUYER", { balanceFen: yuan(100) });
    const bob = await createUser("BUYER", { balanceFen: yuan(100) });
    const paid = await inTransaction(prisma, (tx) => transfer(tx, alice.id, bob.id, yuan(10)));
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => inTransaction(prisma, (tx) => reverseJournal(tx, paid.journalId, null))),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r): r is PromiseRejectedResult => r.status === "rejected")) {
      expect(r.reason).toBeInstanceOf(DomainError);
      expect((r.reason as DomainError).code).toBe("invalid_transition");
    }
    expect(await prisma.journal.count({ where: { reversesId: paid.journalId } })).toBe(1);
    expect(await walletBalance(alice.id)).toBe(yuan(100));
    expect(await verifyLedger(prisma)).toEqual([]);
  });
});
