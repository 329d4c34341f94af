import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";

/** The reviewed settlement account of the actor (merchants only), or null. */
export async function getSettlementAccount(db: PrismaClient, actor: Actor) {
  if (actor.role !== "MERCHANT") return null;
  const application = await db.merchantApplication.findFirst({
    where: { merchant: { userId: actor.userId } },
    select: { bankCode: true, accountNumber: true },
  });
  return application?.bankCode && application.accountNumber ? { bankCode: application.bankCode, last4: application.accountNumber.slice(-4) } : null;
}
