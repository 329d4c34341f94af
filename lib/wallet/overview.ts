import type { PrismaClient } from "@/lib/generated/prisma/client";
import { assertRole, type Actor } from "@/lib/auth/actor";
import { userAccountCode } from "@/lib/ledger/accounts";
import { listMovements, type MovementPage } from "@/lib/ledger/statement";

export type WalletOverview = { balanceFen: bigint } & MovementPage;

/** The actor's own wallet: balance and a page of movements. There is no way to ask for someone else's. */
export async function getWalletOverview(db: PrismaClient, actor: Actor, options: { cursor?: string | null; limit?: number } = {}): Promise<WalletOverview> {
  assertRole(actor, ["BUYER", "MERCHANT"]);
  const account = await db.ledgerAccount.findUnique({ where: { code: userAccountCode(actor.userId, "WALLET") } });
  if (!account) return { balanceFen: 0n, movements: [], nextCursor: null };
  const page = await listMovements(db, account.id, options);
  return { balanceFen: account.balance, ...page };
}
