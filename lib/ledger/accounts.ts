import type { Tx } from "@/lib/db/transaction";
import type { AccountType } from "@/lib/generated/prisma/enums";

export const userAccountCode = (userId: string, type: AccountType) => `user:${userId}:${type}:CNY`;
export const platformAccountCode = (type: AccountType) => `platform:${type}:CNY`;

/** One account, opened on first use (see accountIds). */
async function openAccount(tx: Tx, spec: AccountSpec): Promise<{ id: string; code: string }> {
  return { id: (await accountIds(tx, [spec])).get(spec.code)!, code: spec.code };
}

export function userAccount(tx: Tx, userId: string, type: AccountType = "WALLET") {
  return openAccount(tx, walletSpec(userId, type));
}

export const orderAccountCode = (orderId: string) => `order:${orderId}:ESCROW:CNY`;

/** The escrow account that holds one order's money. */
export function orderAccount(tx: Tx, orderId: string) {
  return openAccount(tx, escrowSpec(orderId));
}

export function platformAccount(tx: Tx, type: AccountType) {
  return openAccount(tx, platformSpec(type));
}

/** Balance in fen of a user's account; zero when it was never opened. */
export async function userBalance(tx: Pick<Tx, "ledgerAccount">, userId: string, type: AccountType = "WALLET") {
  const account = await tx.ledgerAccount.findUnique({ where: { code: userAccountCode(userId, type) }, select: { balance: true } });
  return account?.balance ?? 0n;
}

export type AccountSpec = { code: string; type: AccountType; userId?: string | null; orderId?: string | null };

/**
 * Several accounts in one round trip, opening any that do not exist yet (the money path needs three or four
 * per journal). Takes no row lock: locking is postJournal's job, which locks a journal's accounts in id
 * order. (An upsert with DO UPDATE would lock each account in the caller's order, so two transfers in
 * opposite directions between the same wallets would deadlock.) Two first requests at once both end with
 * the same row: the second insert waits for the first and then does nothing.
 */
export async function accountIds(tx: Tx, specs: AccountSpec[]): Promise<Map<string, string>> {
  return (await accountIdsAndPeek(tx, specs, [])).ids;
}

/**
 * accountIds, and in the same query the current balance of other accounts that are only looked at (and not
 * opened when missing), e.g. whether a merchant owes anything.
 */
export async function accountIdsAndPeek(tx: Tx, specs: AccountSpec[], peekCodes: string[]) {
  const codes = [...specs.map((s) => s.code), ...peekCodes];
  const rows = async () => tx.$queryRaw<{ id: string; code: string; balance: bigint }[]>`SELECT id, code, balance FROM ledger_accounts WHERE code = ANY(${codes}::text[])`;
  const first = await rows();
  const peeked = new Map(first.filter((r) => peekCodes.includes(r.code)).map((r) => [r.code, { id: r.id, balance: r.balance }]));
  return { ids: await openMissing(tx, specs, new Map(first.map((r) => [r.code, r.id]))), peeked };
}

async function openMissing(tx: Tx, specs: AccountSpec[], known: Map<string, string>): Promise<Map<string, string>> {
  const missing = specs.filter((s) => !known.has(s.code));
  if (missing.length === 0) return known;
  // The database opens them (ledger_open_account): which types may go below zero is decided there, once.
  const opened = await tx.$queryRaw<{ code: string; id: string }[]>`
    SELECT s.code, ledger_open_account(s.code, s.type::"AccountType", s.user_id, s.order_id) AS id
      FROM unnest(${missing.map((s) => s.code)}::text[], ${missing.map((s) => s.type)}::text[],
                  ${missing.map((s) => s.userId ?? null)}::text[], ${missing.map((s) => s.orderId ?? null)}::text[]) AS s(code, type, user_id, order_id)`;
  const found = new Map(known);
  for (const row of opened) found.set(row.code, row.id);
  return found;
}

export const walletSpec = (userId: string, type: AccountType = "WALLET"): AccountSpec => ({ code: userAccountCode(userId, type), type, userId });
export const platformSpec = (type: AccountType): AccountSpec => ({ code: platformAccountCode(type), type });
export const escrowSpec = (orderId: string): AccountSpec => ({ code: orderAccountCode(orderId), type: "ESCROW", orderId });
