import { beforeEach, describe, expect, it } from "vitest";
import { platformAccount, userAccount } from "@/lib/ledger/accounts";
import { prisma, resetDatabase } from "@/tests/db";
import { createUser } from "@/tests/fixtures";
import { inTransaction, type Tx } from "./transaction";

describe("inTransaction", () => {
  beforeEach(resetDatabase);

  it("retries a transaction PostgreSQL chose as a deadlock victim, so both sides finish", async () => {
    const buyer = await createUser("BUYER");
    const [first, second] = await inTransaction(prisma, async (tx) => [
      (await userAccount(tx, buyer.id)).id,
      (await platformAccount(tx, "BANK_CLEARING")).id,
    ]);
    const lock = (tx: Tx, id: string) => tx.$queryRaw`SELECT id FROM ledger_accounts WHERE id = ${id} FOR UPDATE`;

    // Both transactions take their first lock, wait for each other, then reach for the other's row.
    let arrived = 0;
    let bothArrived!: () => void;
    const barrier = new Promise<void>((r) => (bothArrived = r));
    const meet = async () => {
      if (++arrived === 2) bothArrived();
      await barrier;
    };
    const attempts = { ab: 0, ba: 0 };
    const crossing = (name: "ab" | "ba", one: string, other: string) =>
      inTransaction(prisma, async (tx) => {
        attempts[name]++;
        await lock(tx, one);
        if (attempts[name] === 1) await meet();
        await lock(tx, other);
        return name;
      });

    const results = await Promise.allSettled([crossing("ab", first, second), crossing("ba", second, first)]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
    // Exactly one side was the victim and ran twice.
    expect(attempts.ab + attempts.ba).toBe(3);
  });

  it("does not retry an ordinary error, and rolls back what the attempt wrote", async () => {
    let attempts = 0;
    await expect(
      inTransaction(prisma, async (tx) => {
        attempts++;
        await tx.user.create({ data: { email: "rolled-back@test.anxin", name: "X", passwordHash: "x", role: "BUYER" } });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(attempts).toBe(1);
    expect(await prisma.user.count()).toBe(0);
  });
});
