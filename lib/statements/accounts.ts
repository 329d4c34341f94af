import { assertRole, type Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/transaction";
import { DomainError } from "@/lib/errors/domain-error";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/** The accounts a user gets statements of: the wallet, the fund holding, a merchant's reserve. */
export const STATEMENT_ACCOUNT_TYPES = ["WALLET", "FUND", "RESERVE"] as const;
export type StatementAccountType = (typeof STATEMENT_ACCOUNT_TYPES)[number];

type Db = PrismaClient | Tx;

/** The actor's own statement accounts that exist (an account is opened by its first movement). */
export async function ownStatementAccounts(db: Db, actor: Actor) {
  assertRole(actor, ["BUYER", "MERCHANT"]);
  const accounts = await db.ledgerAccount.findMany({
    where: { userId: actor.userId, type: { in: [...STATEMENT_ACCOUNT_TYPES] } },
    select: { id: true, type: true, code: true },
  });
  return STATEMENT_ACCOUNT_TYPES.flatMap((type) => accounts.filter((a) => a.type === type)) as { id: string; type: StatementAccountType; code: string }[];
}

/**
 * One of the actor's own statement accounts, with its holder's name, or not found: an account of someone
 * else's, or of a kind without statements, does not exist for this actor.
 */
export async function ownStatementAccount(db: Db, actor: Actor, type: string) {
  assertRole(actor, ["BUYER", "MERCHANT"]);
  if (!(STATEMENT_ACCOUNT_TYPES as readonly string[]).includes(type)) throw new DomainError("not_found");
  const account = await db.ledgerAccount.findFirst({
    where: { userId: actor.userId, type: type as StatementAccountType },
    select: { id: true, type: true, code: true, user: { select: { name: true, email: true, merchant: { select: { displayName: true } } } } },
  });
  if (!account) throw new DomainError("not_found");
  return { id: account.id, type: account.type as StatementAccountType, code: account.code, holder: account.user?.merchant?.displayName ?? account.user?.name ?? "", email: account.user?.email ?? "" };
}
