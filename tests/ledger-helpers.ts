import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import type { Tx } from "@/lib/db/transaction";
import { DomainError, type DomainErrorCode } from "@/lib/errors/domain-error";
import { platformAccountCode, userAccount, userAccountCode } from "@/lib/ledger/accounts";
import { postJournal } from "@/lib/ledger/post";
import type { Fen } from "@/lib/money/fen";
import { prisma } from "./db";

/** A Luhn-valid card the sandbox bank accepts, and one it declines (ends in 0002). */
export const GOOD_CARD = "6222 0200 0000 0007";
export const DECLINED_CARD = "622202000000050002";
/** Fails the Luhn check (last digit changed). */
export const BAD_LUHN_CARD = "6222020000000008";
export const BANK_ACCOUNT = "6217 0000 1234 5678";

export const key = () => randomUUID();
export const yuan = (n: number) => BigInt(Math.round(n * 100));

/** A user's wallet balance in fen (0 when never opened). */
export async function walletBalance(userId: string): Promise<Fen> {
  const row = await prisma.ledgerAccount.findUnique({ where: { code: userAccountCode(userId, "WALLET") } });
  return row?.balance ?? 0n;
}

/** The platform's bank clearing balance in fen (0 when never opened). */
export async function bankClearingBalance(): Promise<Fen> {
  const row = await prisma.ledgerAccount.findUnique({ where: { code: platformAccountCode("BANK_CLEARING") } });
  return row?.balance ?? 0n;
}

/** Wallet → wallet, the way a domain function would write it: look both accounts up, then post. */
export async function transfer(tx: Tx, fromUserId: string, toUserId: string, amount: Fen) {
  const from = await userAccount(tx, fromUserId);
  const to = await userAccount(tx, toUserId);
  return postJournal(tx, {
    kind: "TRANSFER",
    reference: `test:${fromUserId}->${toUserId}`,
    createdById: fromUserId,
    lines: [
      { accountId: from.id, amount: -amount },
      { accountId: to.id, amount },
    ],
  });
}

/** Awaits a promise that must be refused with a DomainError of `code`, and returns that error. */
export async function expectDomainError(promise: Promise<unknown>, code: DomainErrorCode): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected DomainError ${code}, but it resolved`).toBeDefined();
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  return error as DomainError;
}

/** How many journals and postings exist: "nothing moved" means these did not change. */
export async function ledgerCounts() {
  const [journals, postings] = await Promise.all([prisma.journal.count(), prisma.posting.count()]);
  return { journals, postings };
}
