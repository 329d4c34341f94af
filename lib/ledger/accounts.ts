import type { Tx } from "@/lib/db/transaction";
import type { AccountType } from "@/lib/generated/prisma/enums";

export type AccountRef = { id: string; code: string; type: AccountType; userId: string | null };

/** Only the platform's bank clearing account mirrors the outside world and may go below zero. */
const MAY_GO_NEGATIVE: ReadonlySet<AccountType> = new Set<AccountType>(["BANK_CLEARING"]);

export const userAccountCode = (userId: string, type: AccountType) => `user:${userId}:${type}:CNY`;
export const platformAccountCode = (type: AccountType) => `platform:${type}:CNY`;

async function getOrCreate(tx: Tx, code: string, type: AccountType, userId: string | null): Promise<AccountRef> {
  // Upsert on the unique code: two first requests at once both end with the same row.
  const rows = await tx.$queryRaw<AccountRef[]>`
    INSERT INTO ledger_accounts (id, code, user_id, type, allow_negative)
    VALUES (${crypto.randomUUID()}, ${code}, ${userId}, ${type}::"AccountType", ${MAY_GO_NEGATIVE.has(type)})
    ON CONFLICT (code) DO UPDATE SET code = EXCLUDED.code
    RETURNING id, code, type, user_id AS "userId"`;
  return rows[0];
}

export function userAccount(tx: Tx, userId: string, type: AccountType = "WALLET") {
  return getOrCreate(tx, userAccountCode(userId, type), type, userId);
}

export function platformAccount(tx: Tx, type: AccountType) {
  return getOrCreate(tx, platformAccountCode(type), type, null);
}

/** Balance in fen of a user's account; zero when it was never opened. */
export async function userBalance(tx: Pick<Tx, "ledgerAccount">, userId: string, type: AccountType = "WALLET") {
  const account = await tx.ledgerAccount.findUnique({ where: { code: userAccountCode(userId, type) }, select: { balance: true } });
  return account?.balance ?? 0n;
}
