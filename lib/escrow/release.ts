import type { Tx } from "@/lib/db/transaction";
import { accountIdsAndPeek, escrowSpec, platformSpec, walletSpec } from "@/lib/ledger/accounts";
import { postJournal } from "@/lib/ledger/post";
import { lockReceivableDebt } from "@/lib/ledger/receivable";
import { pricingFor } from "@/lib/settings/settings";
import { DAY } from "@/lib/time/clock";
import { splitRelease } from "./release-split";

/**
 * Moves an order from SHIPPED to COMPLETED and releases what escrow still holds: fee to the platform, reserve
 * to the merchant's reserve (held until the reserve period ends), the rest to the merchant's wallet. The
 * guarded update is the race referee: of a buyer's confirm and the auto-confirm job at the same moment, only
 * one finds the order SHIPPED. Returns null when the order was not (or no longer) releasable.
 * Written for few round trips: this is the platform's hottest money path (see docs/escrow.md, benchmark).
 */
export async function releaseShippedOrder(
  tx: Tx,
  orderId: string,
  actorId: string | null,
  now: Date,
  event: "confirmed" | "auto_confirmed" | "dispute_released",
  /** When the buyer confirms: the order must be theirs. */
  onlyBuyerId: string | null = null,
  /** For the automatic confirmation: only if the deadline has passed by then (checked under the lock). */
  dueBy: Date | null = null,
) {
  const [order] = await tx.$queryRaw<{ id: string; total_fen: bigint; refunded_fen: bigint; user_id: string; risk_level: "LOW" | "MEDIUM" | "HIGH" | null }[]>`
    UPDATE orders o SET status = 'COMPLETED', completed_at = ${now}, closed_at = ${now}, auto_confirm_at = NULL, updated_at = ${now}
      FROM merchants m
     WHERE o.id = ${orderId} AND o.status = 'SHIPPED' AND m.id = o.merchant_id
       AND (${onlyBuyerId}::text IS NULL OR o.buyer_id = ${onlyBuyerId}::text)
       AND (${dueBy}::timestamptz IS NULL OR o.auto_confirm_at <= ${dueBy}::timestamptz)
    RETURNING o.id, o.total_fen, o.refunded_fen, m.user_id, m.risk_level`;
  if (!order) return null;
  const pricing = await pricingFor(order.risk_level ?? "HIGH");
  const held = order.total_fen - order.refunded_fen;
  const split = splitRelease(held, pricing.feeRateBps, pricing.reserveRateBps);
  // A debt from an earlier post-completion claim is recovered first, before anything reaches the wallet. Most
  // merchants owe nothing: the receivable is only peeked at, and locked (then re-read) when there is a debt.
  const specs = [escrowSpec(order.id), walletSpec(order.user_id), platformSpec("PLATFORM_FEE"), walletSpec(order.user_id, "RESERVE")];
  const receivableCode = walletSpec(order.user_id, "RECEIVABLE").code;
  const { ids, peeked } = await accountIdsAndPeek(tx, specs, [receivableCode]);
  const owes = (peeked.get(receivableCode)?.balance ?? 0n) < 0n;
  const receivable = owes ? await lockReceivableDebt(tx, order.user_id) : { accountId: null, debt: 0n };
  const recovered = receivable.debt < split.net ? receivable.debt : split.net;
  const id = (i: number) => ids.get(specs[i].code)!;
  const lines = [
    { accountId: id(0), amount: -held },
    { accountId: id(1), amount: split.net - recovered },
    { accountId: id(2), amount: split.fee },
    { accountId: id(3), amount: split.reserve },
    ...(recovered > 0n && receivable.accountId ? [{ accountId: receivable.accountId, amount: recovered }] : []),
  ].filter((l) => l.amount !== 0n);
  if (held > 0n) await postJournal(tx, { kind: "ESCROW_RELEASE", reference: `order:${order.id}`, orderId: order.id, createdById: actorId, lines });
  const data = JSON.stringify({
    fee: split.fee.toString(),
    reserve: split.reserve.toString(),
    net: split.net.toString(),
    ...(recovered > 0n ? { recovered: recovered.toString() } : {}),
  });
  const releaseAt = new Date(now.getTime() + pricing.reserveDays * DAY);
  // The order's split, the reserve hold (when there is a reserve) and the timeline entry: one statement.
  await tx.$executeRaw`
    WITH o AS (UPDATE orders SET fee_fen = ${split.fee}, reserve_fen = ${split.reserve}, net_fen = ${split.net} WHERE id = ${order.id} RETURNING id),
         h AS (INSERT INTO reserve_holds (order_id, user_id, amount_fen, release_at)
               SELECT ${order.id}, ${order.user_id}, ${split.reserve}::bigint, ${releaseAt}::timestamptz WHERE ${split.reserve}::bigint > 0 RETURNING id)
    INSERT INTO order_events (order_id, type, actor_id, data) SELECT o.id, ${event}, ${actorId}, ${data}::jsonb FROM o`;
  return { orderId: order.id, ...split, recovered };
}
