import type { Tx } from "@/lib/db/transaction";
import { orderAccount, platformAccount, userAccount } from "@/lib/ledger/accounts";
import { postJournal } from "@/lib/ledger/post";
import { lockReceivableDebt } from "@/lib/ledger/receivable";
import { getSetting, pricingFor } from "@/lib/settings/settings";
import { DAY } from "@/lib/time/clock";
import { addOrderEvent } from "./events";
import { splitRelease } from "./release-split";

/**
 * Moves an order from SHIPPED to COMPLETED and releases what escrow still holds: fee to the platform, reserve
 * to the merchant's reserve (held until the reserve period ends), the rest to the merchant's wallet. The
 * guarded update is the race referee: of a buyer's confirm and the auto-confirm job at the same moment, only
 * one finds the order SHIPPED. Returns null when the order was not (or no longer) releasable.
 */
export async function releaseShippedOrder(tx: Tx, orderId: string, actorId: string | null, now: Date, event: "confirmed" | "auto_confirmed") {
  const [order] = await tx.$queryRaw<{ id: string; total_fen: bigint; refunded_fen: bigint; merchant_id: string }[]>`
    UPDATE orders SET status = 'COMPLETED', completed_at = ${now}, closed_at = ${now}, auto_confirm_at = NULL, updated_at = ${now}
     WHERE id = ${orderId} AND status = 'SHIPPED'
    RETURNING id, total_fen, refunded_fen, merchant_id`;
  if (!order) return null;
  const merchant = await tx.merchant.findUniqueOrThrow({ where: { id: order.merchant_id }, select: { userId: true, riskLevel: true } });
  const pricing = await pricingFor(tx, merchant.riskLevel ?? "HIGH");
  const held = order.total_fen - order.refunded_fen;
  const split = splitRelease(held, pricing.feeRateBps, pricing.reserveRateBps);
  // A debt from an earlier post-completion claim is recovered first, before anything reaches the wallet.
  const receivable = await lockReceivableDebt(tx, merchant.userId);
  const recovered = receivable.debt < split.net ? receivable.debt : split.net;
  const escrow = await orderAccount(tx, order.id);
  const lines = [
    { accountId: escrow.id, amount: -held },
    { accountId: (await userAccount(tx, merchant.userId)).id, amount: split.net - recovered },
    { accountId: (await platformAccount(tx, "PLATFORM_FEE")).id, amount: split.fee },
    { accountId: (await userAccount(tx, merchant.userId, "RESERVE")).id, amount: split.reserve },
    ...(recovered > 0n && receivable.accountId ? [{ accountId: receivable.accountId, amount: recovered }] : []),
  ].filter((l) => l.amount !== 0n);
  if (held > 0n) await postJournal(tx, { kind: "ESCROW_RELEASE", reference: `order:${order.id}`, createdById: actorId, lines });
  await tx.order.update({ where: { id: order.id }, data: { feeFen: split.fee, reserveFen: split.reserve, netFen: split.net } });
  if (split.reserve > 0n) {
    const releaseAt = new Date(now.getTime() + (await getSetting(tx, "merchant.reserveDays")) * DAY);
    await tx.reserveHold.create({ data: { orderId: order.id, userId: merchant.userId, amountFen: split.reserve, releaseAt } });
  }
  await addOrderEvent(tx, order.id, event, actorId, {
    fee: split.fee.toString(),
    reserve: split.reserve.toString(),
    net: split.net.toString(),
    ...(recovered > 0n ? { recovered: recovered.toString() } : {}),
  });
  return { orderId: order.id, ...split, recovered };
}
