import { beforeEach, describe, expect, it } from "vitest";
import { inTransaction } from "@/lib/db/transaction";
import { verifyLedger } from "@/lib/ledger/verify";
import { prisma, resetDatabase } from "@/tests/db";
import { createUser } from "@/tests/fixtures";
import {
  BANK_ACCOUNT,
  DECLINED_CARD,
  GOOD_CARD,
  bankClearingBalance,
  expectDomainError,
  key,
  ledgerCounts,
  walletBalance,
  yuan,
} from "@/tests/ledger-helpers";
import type { Actor } from "@/lib/auth/actor";
import { topUp } from "./top-up";
import { withdraw } from "./withdraw";

const topUpOnce = (actor: Actor, amountFen: bigint, idempotencyKey: string, cardNumber = GOOD_CARD) =>
  inTransaction(prisma, (tx) => topUp(tx, actor, { amountFen, cardNumber, idempotencyKey }));

const withdrawOnce = (actor: Actor, amountFen: bigint, idempotencyKey: string, bankAccount = BANK_ACCOUNT) =>
  inTransaction(prisma, (tx) => withdraw(tx, actor, { amountFen, bankAccount, idempotencyKey }));

describe("idempotency keys on money movements", () => {
  beforeEach(resetDatabase);

  it("10 concurrent top-ups with one key move the money once and the others replay the first result", async () => {
    const buyer = await createUser("BUYER");
    const k = key();
    const results = await Promise.all(Array.from({ length: 10 }, () => topUpOnce(buyer.actor, yuan(88), k)));
    const fresh = results.filter((r) => !r.replayed);
    const replayed = results.filter((r) => r.replayed);
    expect(fresh).toHaveLength(1);
    expect(replayed).toHaveLength(9);
    for (const r of replayed) {
      expect(r.journalId).toBe(fresh[0].journalId);
      expect(r.amountFen).toBe(yuan(88));
      expect(r.balanceFen).toBe(yuan(88));
      expect(r.cardLast4).toBe("0007");
    }
    expect(await walletBalance(buyer.id)).toBe(yuan(88));
    expect(await prisma.journal.count({ where: { kind: "TOPUP" } })).toBe(1);
    expect(await prisma.idempotencyKey.count()).toBe(1);
    expect(await verifyLedger(prisma)).toEqual([]);
  });

  it("the same key with a different amount or card is refused as a conflict and moves nothing", async () => {
    const buyer = await createUser("BUYER");
    const k = key();
    await topUpOnce(buyer.actor, yuan(10), k);
    const before = await ledgerCounts();
    await expectDomainError(topUpOnce(buyer.actor, yuan(11), k), "idempotency_conflict");
    await expectDomainError(topUpOnce(buyer.actor, yuan(10), k, "4111 1111 1111 1111"), "idempotency_conflict");
    expect(await ledgerCounts()).toEqual(before);
    expect(await walletBalance(buyer.id)).toBe(yuan(10));
    // The card may be typed with other spacing: it is the same request, so it replays.
    const again = await topUpOnce(buyer.actor, yuan(10), k, "6222-0200-0000-0007");
    expect(again.replayed).toBe(true);
  });

  it("keys are scoped per user: another user's identical key moves that user's money", async () => {
    const alice = await createUser("BUYER");
    const bob = await createUser("BUYER");
    const k = key();
    const first = await topUpOnce(alice.actor, yuan(5), k);
    const second = await topUpOnce(bob.actor, yuan(7), k);
    expect(first.replayed).toBe(false);
    expect(second.replayed).toBe(false);
    expect(second.journalId).not.toBe(first.journalId);
    expect(await walletBalance(alice.id)).toBe(yuan(5));
    expect(await walletBalance(bob.id)).toBe(yuan(7));
  });

  it("keys are scoped per operation: a top-up's key does not replay as a withdrawal", async () => {
    const buyer = await createUser("BUYER");
    const k = key();
    await topUpOnce(buyer.actor, yuan(50), k);
    const out = await withdrawOnce(buyer.actor, yuan(20), k);
    expect(out.replayed).toBe(false);
    expect(await walletBalance(buyer.id)).toBe(yuan(30));
  });

  it("a failed first attempt stores no key, so a retry with a good card succeeds", async () => {
    const buyer = await createUser("BUYER");
    const k = key();
    const before = await ledgerCounts();
    await expectDomainError(topUpOnce(buyer.actor, yuan(100), k, DECLINED_CARD), "card_declined");
    expect(await prisma.idempotencyKey.count()).toBe(0);
    expect(await ledgerCounts()).toEqual(before);
    const retry = await topUpOnce(buyer.actor, yuan(100), k, GOOD_CARD);
    expect(retry.replayed).toBe(false);
    expect(await walletBalance(buyer.id)).toBe(yuan(100));
  });

  it("a key that is not 8–100 letters, digits, '-' or '_' is refused before anything moves", async () => {
    const buyer = await createUser("BUYER", { balanceFen: yuan(10) });
    const before = await ledgerCounts();
    const keysBefore = await prisma.idempotencyKey.count();
    for (const bad of ["", "short", "has space in it", "x".repeat(101), "semi;colon-key", "ключ-ключ-ключ"]) {
      const error = await expectDomainError(topUpOnce(buyer.actor, yuan(1), bad), "validation");
      expect(error.messageKey).toBe("errors.idempotency_key_invalid");
      await expectDomainError(withdrawOnce(buyer.actor, yuan(1), bad), "validation");
    }
    expect(await ledgerCounts()).toEqual(before);
    expect(await prisma.idempotencyKey.count()).toBe(keysBefore);
  });

  it("a withdrawal retried with the same key moves the money once, also when the retries race", async () => {
    const buyer = await createUser("BUYER", { balanceFen: yuan(100) });
    const k = key();
    const first = await withdrawOnce(buyer.actor, yuan(40), k);
    const retry = await withdrawOnce(buyer.actor, yuan(40), k);
    expect(first.replayed).toBe(false);
    expect(retry).toEqual({ ...first, replayed: true });
    expect(await walletBalance(buyer.id)).toBe(yuan(60));

    const k2 = key();
    const raced = await Promise.all(Array.from({ length: 8 }, () => withdrawOnce(buyer.actor, yuan(25), k2)));
    expect(raced.filter((r) => !r.replayed)).toHaveLength(1);
    expect(new Set(raced.map((r) => r.journalId)).size).toBe(1);
    expect(await walletBalance(buyer.id)).toBe(yuan(35));
    expect(await prisma.journal.count({ where: { kind: "WITHDRAWAL" } })).toBe(2);
    expect(await bankClearingBalance()).toBe(-yuan(35));
    expect(await verifyLedger(prisma)).toEqual([]);
  });

  it("a withdrawal refused for insufficient funds stores no key, so the same key works once money is there", async () => {
    const buyer = await createUser("BUYER", { balanceFen: yuan(10) });
    const k = key();
    await expectDomainError(withdrawOnce(buyer.actor, yuan(30), k), "insufficient_funds");
    expect(await prisma.idempotencyKey.count({ where: { key: k } })).toBe(0);
    await topUpOnce(buyer.actor, yuan(20), key());
    const out = await withdrawOnce(buyer.actor, yuan(30), k);
    expect(out.replayed).toBe(false);
    expect(await walletBalance(buyer.id)).toBe(0n);
  });
});
