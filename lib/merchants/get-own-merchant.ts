import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/transaction";
import { assertRole, type Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors/domain-error";

/** The signed-in merchant's own merchant record; never another's. */
export async function getOwnMerchantOrThrow(db: PrismaClient | Tx, actor: Actor) {
  assertRole(actor, ["MERCHANT"]);
  const merchant = await db.merchant.findUnique({ where: { userId: actor.userId } });
  if (!merchant) throw new DomainError("not_found");
  return merchant;
}
