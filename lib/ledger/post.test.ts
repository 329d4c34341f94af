import { beforeEach, describe, expect, it } from "vitest";
import { inTransaction } from "@/lib/db/transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { prisma, resetDatabase } from "@/tests/db";
import { platformAccount, userAccount } from "./accounts";
import { postJournal, reverseJournal } from "./post";
import { verifyLedger } from "./verify";
import { createUser } from "@/tests/fixtures";

async function accounts() {
  const user = await createUser("BUYER");
  return inTransaction(prisma, async (tx) => ({
    bank: await platformAccount(tx, "BANK_CLEARING"),
    wallet: await userAccount(tx, user.id),
  }));
}

const balanceOf = async (id: string) => (await prisma.ledgerAccount.findUniqueOrThrow({ where: { id } })).balance;

describe("postJournal", () => {
  beforeEach(resetDatabase);

  it("writes a balanced journal, moves both balances and records running balances", async () => {
    const { bank, wallet } = await accounts();
    const posted = await inTransaction(prisma, (tx) =>
      postJournal(tx, { kind: "TOPUP", lines: [{ accountId: bank.id, amount: -500n }, { accountId: wallet.id, amount: 500n }] }),
    );
    expect(posted.postings.find((p) => p.accountId === wallet.id)?.balanceAfter).toBe(500n);
    expect(await balanceOf(wallet.id)).toBe(500n);
    expect(await balanceOf(bank.id)).toBe(-500n);
    expect(await verifyLedger(prisma)).toEqual([]);
  });

  it("refuses an overdraft of a wallet and writes nothing of that journal", async () => {
    const { bank, wallet } = await accounts();
    const journalsBefore = await prisma.journal.count();
    const attempt = inTransaction(prisma, (tx) =>
      postJournal(tx, { kind: "WITHDRAWAL", lines: [{ accountId: wallet.id, amount: -1n }, { accountId: bank.id, amount: 1n }] }),
    );
    await expect(attempt).rejects.toMatchObject({ code: "insufficient_funds" });
    expect(await balanceOf(wallet.id)).toBe(0n);
    expect(await prisma.journal.count()).toBe(journalsBefore);
  });

  it("refuses postings that do not sum to zero before touching the database", async () => {
    const { bank, wallet } = await accounts();
    await expect(
      inTransaction(prisma, (tx) =>
        postJournal(tx, { kind: "X", lines: [{ accountId: bank.id, amount: -5n }, { accountId: wallet.id, amount: 4n }] }),
      ),
    ).rejects.toThrow(/sum to zero/);
  });

  it("the database itself refuses an unbalanced journal written by hand", async () => {
    const { wallet } = await accounts();
    await expect(
      prisma.$transaction(async (tx) => {
        const j = await tx.journal.create({ data: { kind: "HAND_WRITTEN" } });
        await tx.posting.create({ data: { journalId: j.id, accountId: wallet.id, amount: 100n, balanceAfter: 100n } });
      }),
    ).rejects.toThrow(/unbalanced/);
    expect(await prisma.posting.count({ where: { accountId: wallet.id } })).toBe(0);
  });

  it("journals and postings cannot be edited or deleted; a reversal posts the opposite", async () => {
    const { bank, wallet } = await accounts();
    const posted = await inTransaction(prisma, (tx) =>
      postJournal(tx, { kind: "TOPUP", lines: [{ accountId: bank.id, amount: -700n }, { accountId: wallet.id, amount: 700n }] }),
    );
    await expect(prisma.journal.update({ where: { id: posted.journalId }, data: { kind: "EDITED" } })).rejects.toThrow(/append-only/);
    await expect(prisma.posting.deleteMany({ where: { journalId: posted.journalId } })).rejects.toThrow(/append-only/);
    const reversal = await inTransaction(prisma, (tx) => reverseJournal(tx, posted.journalId, null));
    expect(reversal.postings.find((p) => p.accountId === wallet.id)?.amount).toBe(-700n);
    expect(await balanceOf(wallet.id)).toBe(0n);
    await expect(inTransaction(prisma, (tx) => reverseJournal(tx, posted.journalId, null))).rejects.toBeInstanceOf(DomainError);
    expect(await verifyLedger(prisma)).toEqual([]);
  });

  it("the database refuses a negative wallet balance even outside the ledger code", async () => {
    const { wallet } = await accounts();
    await expect(prisma.ledgerAccount.update({ where: { id: wallet.id }, data: { balance: -1n } })).rejects.toThrow(
      /ledger_accounts_no_overdraft/,
    );
  });
});
