import type { Tx } from "@/lib/db/transaction";
import type { AccountType } from "@/lib/generated/prisma/enums";

/** Bank clearing mirrors the outside world; a receivable is what a merchant owes. Only these go below zero. */
const MAY_GO_NEGATIVE: ReadonlySet<AccountType> = new Set<AccountType>(["BANK_CLEARING", "RECEIVABLE"]);

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
  const codes = specs.map((s) => s.code);
  const find = async () =>
    new Map((await tx.$queryRaw<{ id: string; code: string }[]>`SELECT id, code FROM ledger_accounts WHERE code = ANY(${codes}::text[])`).map((r) => [r.code, r.id]));
  let found = known;
  const missing = specs.filter((s) => !found.has(s.code));
  if (missing.length === 0) return found;
  // No conflict target: a clash on the code or on the one-platform-account-per-type index is both "exists".
  for (const spec of missing) {
    await tx.$executeRaw`
      INSERT INTO ledger_accounts (id, code, user_id, order_id, type, allow_negative)
      VALUES (${crypto.randomUUID()}, ${spec.code}, ${spec.userId ?? null}, ${spec.orderId ?? null}, ${spec.type}::"AccountType", ${MAY_GO_NEGATIVE.has(spec.type)})
      ON CONFLICT DO NOTHING`;
  }
  found = await find();
  for (const spec of specs) if (!found.has(spec.code)) throw new Error(`ledger: account ${spec.code} could not be opened`);
  return found;
}

export const walletSpec = (userId: string, type: AccountType = "WALLET"): AccountSpec => ({ code: userAccountCode(userId, type), type, userId });
export const platformSpec = (type: AccountType): AccountSpec => ({ code: platformAccountCode(type), type });
export const escrowSpec = (orderId: string): AccountSpec => ({ code: orderAccountCode(orderId), type: "ESCROW", orderId });
