import type { Actor } from "@/lib/auth/actor";
import type { Db, Tx } from "@/lib/db/transaction";
import type { MerchantStatus } from "@/lib/generated/prisma/enums";
import { DomainError } from "@/lib/errors/domain-error";

/**
 * Who may hold the fund: buyers, and merchants once approved (a merchant in onboarding or suspended moves no
 * money). Makes sure the holder's row exists and locks it for the rest of the transaction: a holder's fund
 * changes (the day's instant redemptions, the sweep settings) go one at a time.
 */
export async function lockHolder(tx: Tx, actor: Actor) {
  if (actor.role === "MERCHANT") {
    const merchant = await tx.merchant.findUnique({ where: { userId: actor.userId }, select: { status: true } });
    if (merchant?.status !== "APPROVED") throw new DomainError("merchant_not_approved");
  }
  await tx.$executeRaw`INSERT INTO fund_holders (user_id) VALUES (${actor.userId}) ON CONFLICT DO NOTHING`;
  const [holder] = await tx.$queryRaw<{ instant_day: Date | null; instant_redeemed_fen: bigint; sweep_enabled: boolean; sweep_floor_fen: bigint }[]>`
    SELECT instant_day, instant_redeemed_fen, sweep_enabled, sweep_floor_fen FROM fund_holders WHERE user_id = ${actor.userId} FOR UPDATE`;
  return holder;
}

/**
 * For the fund page: whether the actor may use the fund, and if not, the merchant status that stops it (so the
 * page can say why). The same rule as lockHolder, which the money steps enforce.
 */
export async function fundAccess(db: Db, actor: Actor): Promise<{ allowed: true } | { allowed: false; merchantStatus: MerchantStatus | null }> {
  if (actor.role !== "MERCHANT") return { allowed: true };
  const merchant = await db.merchant.findUnique({ where: { userId: actor.userId }, select: { status: true } });
  return merchant?.status === "APPROVED" ? { allowed: true } : { allowed: false, merchantStatus: merchant?.status ?? null };
}
