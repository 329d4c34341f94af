import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/transaction";
import { can } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/errors/domain-error";

type Db = PrismaClient | Tx;
export type DisputeParty = "BUYER" | "MERCHANT" | "ADMIN";

/**
 * The dispute if the actor is its buyer, its merchant, or an admin; for anyone else it does not exist.
 * With `lock`, the row is locked for the rest of the transaction (every change goes through here first).
 */
export async function getDisputeForParty(db: Db, actor: Actor, disputeId: string, lock = false) {
  if (lock) await (db as Tx).$queryRaw`SELECT id FROM disputes WHERE id = ${disputeId} FOR UPDATE`;
  const dispute = await db.dispute.findUnique({ where: { id: disputeId }, include: { order: { select: { orderNo: true, merchant: { select: { userId: true, displayName: true } } } } } });
  if (!dispute) throw new DomainError("not_found");
  const party: DisputeParty | null =
    actor.role === "ADMIN"
      ? can(actor, "disputes.view_all")
        ? "ADMIN"
        : null
      : actor.role === "BUYER" && dispute.buyerId === actor.userId
        ? "BUYER"
        : actor.role === "MERCHANT" && dispute.order.merchant.userId === actor.userId
          ? "MERCHANT"
          : null;
  if (!party) throw new DomainError("not_found");
  return { dispute, party };
}

export function requireParty(party: DisputeParty, ...allowed: DisputeParty[]) {
  if (!allowed.includes(party)) throw new DomainError("forbidden");
}
