import type { PrismaClient } from "@/lib/generated/prisma/client";
import { assertRole, type Actor } from "@/lib/auth/actor";
import { userAccountCode } from "@/lib/ledger/accounts";
import { listMovements, type Movement } from "@/lib/ledger/statement";
import { type MovementCause, movementCause } from "./movement-cause";

export type WalletMovement = Movement & { cause: MovementCause };
export type WalletOverview = { balanceFen: bigint; movements: WalletMovement[]; nextCursor: string | null };

/** The actor's own wallet: balance and a page of movements, each with what caused it. There is no way to ask for someone else's. */
export async function getWalletOverview(db: PrismaClient, actor: Actor, options: { cursor?: string | null; limit?: number } = {}): Promise<WalletOverview> {
  assertRole(actor, ["BUYER", "MERCHANT"]);
  const account = await db.ledgerAccount.findUnique({ where: { code: userAccountCode(actor.userId, "WALLET") } });
  if (!account) return { balanceFen: 0n, movements: [], nextCursor: null };
  const page = await listMovements(db, account.id, options);
  return { balanceFen: account.balance, nextCursor: page.nextCursor, movements: page.movements.map((m) => ({ ...m, cause: movementCause(m) })) };
}
