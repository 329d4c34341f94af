import { moneyCall } from "@/lib/db/money-call";
import type { Db } from "@/lib/db/transaction";
import { releasePricing } from "@/lib/settings/settings";

/** `loanRepaid`: what of the net went to the merchant's loans (docs/credit.md) in the same statement. */
export type Released = { orderId: string; fee: bigint; reserve: bigint; net: bigint; recovered: bigint; loanRepaid: bigint };

type ReleasedRow = { orderId: string; fee: string | bigint; reserve: string | bigint; net: string | bigint; recovered: string | bigint; loanRepaid?: string | bigint };

/** The database's answer (amounts as text) as fen. */
export const releasedFrom = (row: ReleasedRow): Released => ({
  orderId: row.orderId,
  fee: BigInt(row.fee),
  reserve: BigInt(row.reserve),
  net: BigInt(row.net),
  recovered: BigInt(row.recovered),
  loanRepaid: BigInt(row.loanRepaid ?? 0),
});

/**
 * Moves an order from SHIPPED to COMPLETED and releases what escrow still holds: fee to the platform, reserve
 * to the merchant's reserve (held until the reserve period ends), debt from an earlier after-sale claim
 * recovered, the rest to the merchant's wallet, of which the order's own loan and, while a loan is overdue, a share go
 * to the merchant's loans (docs/credit.md). One statement: the database's escrow_release
 * (prisma/migrations/*_money_functions), whose guarded update is the race referee: of a buyer's confirm and
 * the auto-confirm job at the same moment, only one finds the order SHIPPED. The split's rounding is
 * splitRelease's (lib/escrow/release-split.ts; a test checks they agree). Returns null when the order was not
 * (or no longer) releasable.
 */
export async function releaseShippedOrder(
  db: Db,
  orderId: string,
  actorId: string | null,
  now: Date,
  event: "confirmed" | "auto_confirmed" | "dispute_released",
  /** When the buyer confirms: the order must be theirs. */
  onlyBuyerId: string | null = null,
  /** For the automatic confirmation: only if the deadline has passed by then (checked under the lock). */
  dueBy: Date | null = null,
): Promise<Released | null> {
  const p = await releasePricing();
  const [row] = await moneyCall(
    db,
    () => db.$queryRaw<{ released: Parameters<typeof releasedFrom>[0] | null }[]>`
      SELECT escrow_release(${orderId}, ${actorId}, ${now}, ${event}, ${onlyBuyerId}, ${dueBy}::timestamptz,
                            ${p.feeBps}::int[], ${p.reserveBps}::int[], ${p.reserveDays}::int, ${p.loanShareBps}::int) AS released`,
  );
  return row.released ? releasedFrom(row.released) : null;
}
