import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { inTransaction } from "@/lib/db/transaction";
import { platformAccountCode, userAccountCode } from "@/lib/ledger/accounts";
import { listMovements, type Movement } from "@/lib/ledger/statement";
import { verifyLedger } from "@/lib/ledger/verify";
import { prisma, resetDatabase } from "@/tests/db";
import { createUser } from "@/tests/fixtures";
import {
  BAD_LUHN_CARD,
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
import { MAX_TOP_UP_FEN, topUp } from "./top-up";
import { withdraw } from "./withdraw";

const doTopUp = (actor: Actor, amountFen: bigint, cardNumber = GOOD_CARD) =>
  inTransaction(prisma, (tx) => topUp(tx, actor, { amountFen, cardNumber, idempotencyKey: key() }));

const walletId = async (userId: string) =>
  (await prisma.ledgerAccount.findUniqueOrThrow({ where: { code: userAccountCode(userId, "WALLET") } })).id;

describe("topUp", () => {
  beforeEach(resetDatabase);

  it("moves money from bank clearing to the wallet and writes a statement line with the running balance", async () => {
    const buyer = await createUser("BUYER");
    const first = await doTopUp(buyer.actor, yuan(120.5));
    const second = await doTopUp(buyer.actor, yuan(0.01));
    expect(first).toMatchObject({ amountFen: 12_050n, balanceFen: 12_050n, cardLast4: "0007", replayed: false });
    expect(second.balanceFen).toBe(12_051n);
    expect(await walletBalance(buyer.id)).toBe(12_051n);
    expect(await bankClearingBalance()).toBe(-12_051n);

    const journal = await prisma.journal.findUniqueOrThrow({ where: { id: first.journalId }, include: { postings: { include: { account: true } } } });
    expect(journal).toMatchObject({ kind: "TOPUP", reference: "card:****0007", createdById: buyer.id });
    const byCode = Object.fromEntries(journal.postings.map((p) => [p.account.code, p.amount]));
    expect(byCode).toEqual({ [userAccountCode(buyer.id, "WALLET")]: 12_050n, [platformAccountCode("BANK_CLEARING")]: -12_050n });

    const statement = await listMovements(prisma, await walletId(buyer.id));
    expect(statement.nextCursor).toBeNull();
    expect(statement.movements.map((m) => [m.kind, m.amount, m.balanceAfter])).toEqual([
      ["TOPUP", 1n, 12_051n],
      ["TOPUP", 12_050n, 12_050n],
    ]);
    expect(await verifyLedger(prisma)).toEqual([]);
  });

  it("a statement of 25 movements pages by 10 newest first, with consistent running balances and no gaps or duplicates", async () => {
    const buyer = await createUser("BUYER");
    let expected = 0n;
    const history: bigint[] = [];
    for (let i = 1; i <= 25; i++) {
      if (i % 5 === 0) {
        await inTransaction(prisma, (tx) => withdraw(tx, buyer.actor, { amountFen: 7n, bankAccount: BANK_ACCOUNT, idempotencyKey: key() }));
        expected -= 7n;
      } else {
        await doTopUp(buyer.actor, BigInt(i * 100));
        expected += BigInt(i * 100);
      }
      history.push(expected);
    }
    const account = await walletId(buyer.id);
    const pages: Movement[][] = [];
    let cursor: string | null = null;
    do {
      const page = await listMovements(prisma, account, { cursor, limit: 10 });
      pages.push(page.movements);
      cursor = page.nextCursor;
    } while (cursor && pages.length < 10);
    expect(pages.map((p) => p.length)).toEqual([10, 10, 5]);
    const all = pages.flat();
    expect(new Set(all.map((m) => m.id)).size).toBe(25);
    // Newest first: each line's running balance is the previous (older) one plus its own amount.
    for (let i = 0; i < all.length - 1; i++) {
      expect(all[i].id > all[i + 1].id).toBe(true);
      expect(all[i].balanceAfter).toBe(all[i + 1].balanceAfter + all[i].amount);
    }
    expect(all[all.length - 1].balanceAfter).toBe(all[all.length - 1].amount);
    expect(all.map((m) => m.balanceAfter).reverse()).toEqual(history);
    expect(all[0].balanceAfter).toBe(await walletBalance(buyer.id));
    expect(all.filter((m) => m.kind === "WITHDRAWAL")).toHaveLength(5);
  });

  it("refuses a card number that fails the Luhn check or has the wrong length, and moves nothing", async () => {
    const buyer = await createUser("BUYER");
    const before = await ledgerCounts();
    for (const card of [BAD_LUHN_CARD, "4242 4242 42", "not a card", ""]) {
      const error = await expectDomainError(doTopUp(buyer.actor, yuan(10), card), "validation");
      expect(error.fieldErrors).toEqual({ cardNumber: "validation.card.invalid" });
    }
    expect(await ledgerCounts()).toEqual(before);
    expect(await walletBalance(buyer.id)).toBe(0n);
  });

  it("a card the bank declines is refused and moves nothing", async () => {
    const buyer = await createUser("BUYER");
    const before = await ledgerCounts();
    await expectDomainError(doTopUp(buyer.actor, yuan(10), DECLINED_CARD), "card_declined");
    expect(await ledgerCounts()).toEqual(before);
    expect(await walletBalance(buyer.id)).toBe(0n);
  });

  it("a single top-up is at most ¥50,000.00 and more than zero", async () => {
    const buyer = await createUser("BUYER");
    expect(MAX_TOP_UP_FEN).toBe(yuan(50_000));
    const error = await expectDomainError(doTopUp(buyer.actor, MAX_TOP_UP_FEN + 1n), "invalid_amount");
    expect(error.messageKey).toBe("validation.amount.max");
    await expectDomainError(doTopUp(buyer.actor, 0n), "invalid_amount");
    await expectDomainError(doTopUp(buyer.actor, -100n), "invalid_amount");
    expect(await walletBalance(buyer.id)).toBe(0n);
    const atLimit = await doTopUp(buyer.actor, MAX_TOP_UP_FEN);
    expect(atLimit.balanceFen).toBe(MAX_TOP_UP_FEN);
  });

  it("20 users topping up for the first time at once all succeed and share one bank clearing account", async () => {
    const users = await Promise.all(Array.from({ length: 20 }, () => createUser("BUYER")));
    expect(await prisma.ledgerAccount.count({ where: { type: "BANK_CLEARING" } })).toBe(0);
    const results = await Promise.allSettled(users.map((u) => doTopUp(u.actor, yuan(10))));
    expect(results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    expect(await prisma.ledgerAccount.count({ where: { type: "BANK_CLEARING" } })).toBe(1);
    expect(await bankClearingBalance()).toBe(-yuan(200));
    expect(await verifyLedger(prisma)).toEqual([]);
  });

  it("buyers and merchants (approved or not) may top up; an admin is refused as forbidden", async () => {
    const merchant = await createUser("MERCHANT");
    expect((await doTopUp(merchant.actor, yuan(1))).balanceFen).toBe(yuan(1));
    const admin = await createUser("ADMIN");
    const before = await ledgerCounts();
    await expectDomainError(doTopUp(admin.actor, yuan(1)), "forbidden");
    expect(await ledgerCounts()).toEqual(before);
    expect(await prisma.ledgerAccount.count({ where: { userId: admin.id } })).toBe(0);
  });
});
