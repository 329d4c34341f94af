import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { topUp } from "@/lib/bank/top-up";
import { withdraw } from "@/lib/bank/withdraw";
import { inTransaction } from "@/lib/db/transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { prisma, resetDatabase } from "@/tests/db";
import { createUser } from "@/tests/fixtures";
import { BANK_ACCOUNT, GOOD_CARD, bankClearingBalance, key, transfer, walletBalance } from "@/tests/ledger-helpers";
import { platformAccountCode } from "./accounts";
import { reverseJournal } from "./post";
import { verifyLedger } from "./verify";

/**
 * Model-based: random top-ups, withdrawals, wallet-to-wallet transfers and reversals of earlier journals run
 * against the real database, while the test keeps its own model of every wallet. After each sequence the
 * database must agree with the model and with itself.
 */

type Op =
  | { type: "topUp"; user: number; amount: bigint }
  | { type: "withdraw"; user: number; amount: bigint }
  | { type: "transfer"; from: number; to: number; amount: bigint }
  | { type: "reverse"; pick: number };

const amount = fc.bigInt({ min: 1n, max: 50_000n });
const op = (users: number): fc.Arbitrary<Op> => {
  const user = fc.integer({ min: 0, max: users - 1 });
  return fc.oneof(
    { weight: 3, arbitrary: fc.record({ type: fc.constant("topUp" as const), user, amount }) },
    { weight: 2, arbitrary: fc.record({ type: fc.constant("withdraw" as const), user, amount }) },
    { weight: 3, arbitrary: fc.record({ type: fc.constant("transfer" as const), from: user, to: user, amount }) },
    { weight: 2, arbitrary: fc.record({ type: fc.constant("reverse" as const), pick: fc.nat() }) },
  );
};
const scenario = fc
  .integer({ min: 2, max: 4 })
  .chain((users) => fc.record({ users: fc.constant(users), ops: fc.array(op(users), { minLength: 1, maxLength: 25 }) }));

/** A journal as the model sees it: how much it moved for each wallet (by user index; -1 is bank clearing). */
type ModelJournal = { id: bigint; deltas: Map<number, bigint>; reversed: boolean };
const BANK = -1;

const refusedWith = async (attempt: Promise<unknown>): Promise<string | null> => {
  try {
    await attempt;
    return null;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
};

async function runScenario({ users: userCount, ops }: { users: number; ops: Op[] }) {
  await resetDatabase();
  const users: Awaited<ReturnType<typeof createUser>>[] = [];
  for (let i = 0; i < userCount; i++) users.push(await createUser("BUYER"));
  const wallets = users.map(() => 0n);
  const journals: ModelJournal[] = [];
  const apply = (deltas: Map<number, bigint>) => {
    for (const [who, d] of deltas) if (who !== BANK) wallets[who] += d;
  };

  for (const o of ops) {
    if (o.type === "topUp") {
      const result = await inTransaction(prisma, (tx) =>
        topUp(tx, users[o.user].actor, { amountFen: o.amount, cardNumber: GOOD_CARD, idempotencyKey: key() }),
      );
      const deltas = new Map([[o.user, o.amount], [BANK, -o.amount]]);
      apply(deltas);
      journals.push({ id: result.journalId, deltas, reversed: false });
      expect(result.balanceFen).toBe(wallets[o.user]);
    } else if (o.type === "withdraw") {
      const shouldFit = o.amount <= wallets[o.user];
      let journalId: bigint | undefined;
      const refused = await refusedWith(
        inTransaction(prisma, (tx) =>
          withdraw(tx, users[o.user].actor, { amountFen: o.amount, bankAccount: BANK_ACCOUNT, idempotencyKey: key() }),
        ).then((r) => (journalId = r.journalId)),
      );
      expect(refused).toBe(shouldFit ? null : "insufficient_funds");
      if (journalId !== undefined) {
        const deltas = new Map([[o.user, -o.amount], [BANK, o.amount]]);
        apply(deltas);
        journals.push({ id: journalId, deltas, reversed: false });
      }
    } else if (o.type === "transfer") {
      if (o.from === o.to) continue;
      const shouldFit = o.amount <= wallets[o.from];
      let journalId: bigint | undefined;
      const refused = await refusedWith(
        inTransaction(prisma, (tx) => transfer(tx, users[o.from].id, users[o.to].id, o.amount)).then((r) => (journalId = r.journalId)),
      );
      expect(refused).toBe(shouldFit ? null : "insufficient_funds");
      if (journalId !== undefined) {
        const deltas = new Map([[o.from, -o.amount], [o.to, o.amount]]);
        apply(deltas);
        journals.push({ id: journalId, deltas, reversed: false });
      }
    } else {
      if (journals.length === 0) continue;
      const target = journals[o.pick % journals.length];
      const opposite = new Map([...target.deltas].map(([who, d]) => [who, -d] as const));
      const expected = target.reversed
        ? "invalid_transition"
        : [...opposite].some(([who, d]) => who !== BANK && wallets[who] + d < 0n)
          ? "insufficient_funds"
          : null;
      let journalId: bigint | undefined;
      const refused = await refusedWith(
        inTransaction(prisma, (tx) => reverseJournal(tx, target.id, null)).then((r) => (journalId = r.journalId)),
      );
      expect(refused).toBe(expected);
      if (journalId !== undefined) {
        target.reversed = true;
        apply(opposite);
        journals.push({ id: journalId, deltas: opposite, reversed: false });
      }
    }
  }

  expect(await verifyLedger(prisma)).toEqual([]);
  const actual = await Promise.all(users.map((u) => walletBalance(u.id)));
  expect(actual).toEqual(wallets);
  for (const balance of actual) expect(balance >= 0n).toBe(true);
  const walletTotal = wallets.reduce((s, b) => s + b, 0n);
  const bank = await prisma.ledgerAccount.findUnique({ where: { code: platformAccountCode("BANK_CLEARING") } });
  if (bank) expect(bank.balance).toBe(-walletTotal);
  else expect(walletTotal).toBe(0n);
  expect(await bankClearingBalance()).toBe(-walletTotal);
  expect(await prisma.journal.count()).toBe(journals.length);
}

describe("ledger (property)", () => {
  it("any sequence of top-ups, withdrawals, transfers and reversals keeps the ledger balanced and equal to a simple model", async () => {
    await fc.assert(fc.asyncProperty(scenario, runScenario), { numRuns: 25 });
  }, 120_000);
});
