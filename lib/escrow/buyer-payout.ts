import type { Tx } from "@/lib/db/transaction";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { accountIds, escrowSpec, walletSpec } from "@/lib/ledger/accounts";
import { postJournal } from "@/lib/ledger/post";
import { lockReceivableDebt } from "@/lib/ledger/receivable";
import type { Fen } from "@/lib/money/fen";

/**
 * The one place money goes back to a buyer from an order: refunds, cancellations, dispute refunds and
 * after-sale claims all come through here. Each payout is counted on the order (refunded_fen before release,
 * claimed_fen after completion) by a guarded update that refuses anything that would take the buyer past what
 * they paid (refunded + claimed + amount ≤ total), in the same transaction as its journal. The database's
 * CHECK orders_buyer_not_overpaid refuses it too, and `npm run ledger:verify` checks the ledger against it.
 * A guard that fails returns null: the caller says why in the user's terms.
 */

export type EscrowPayout = { orderId: string; buyerId: string; totalFen: Fen; refundedFen: Fen; closed: boolean; status: OrderStatus };

/**
 * Pays `amount` of what escrow holds back to the buyer while the order is in one of `whileIn`. When the
 * order is then fully refunded and `closeAs` is given, the order ends in that state.
 */
export async function payBuyerFromEscrow(
  tx: Tx,
  input: {
    orderId: string;
    amountFen: Fen;
    actorId: string | null;
    now: Date;
    kind: "ESCROW_REFUND" | "DISPUTE_REFUND";
    whileIn: readonly OrderStatus[];
    closeAs?: "REFUNDED" | "CANCELLED";
    /** The journal's reference (default "order:<id>"); a dispute's refund names the dispute, so the wallet links to it. */
    reference?: string;
  },
): Promise<EscrowPayout | null> {
  const { amountFen: amount, now } = input;
  if (amount <= 0n) return null;
  const closeAs = input.closeAs ?? null;
  const [order] = await tx.$queryRaw<{ id: string; buyer_id: string; total_fen: bigint; refunded_fen: bigint; status: OrderStatus }[]>`
    UPDATE orders
       SET refunded_fen = refunded_fen + ${amount},
           status = CASE WHEN ${closeAs}::text IS NOT NULL AND refunded_fen + ${amount} = total_fen THEN ${closeAs}::"OrderStatus" ELSE status END,
           closed_at = CASE WHEN ${closeAs}::text IS NOT NULL AND refunded_fen + ${amount} = total_fen THEN ${now}::timestamptz ELSE closed_at END,
           auto_confirm_at = CASE WHEN ${closeAs}::text IS NOT NULL AND refunded_fen + ${amount} = total_fen THEN NULL ELSE auto_confirm_at END,
           updated_at = ${now}
     WHERE id = ${input.orderId} AND status::text = ANY(${[...input.whileIn]}::text[]) AND fee_fen IS NULL
       AND refunded_fen + claimed_fen + ${amount} <= total_fen
    RETURNING id, buyer_id, total_fen, refunded_fen, status`;
  if (!order) return null;
  const escrow = escrowSpec(order.id);
  const wallet = walletSpec(order.buyer_id);
  const ids = await accountIds(tx, [escrow, wallet]);
  await postJournal(tx, {
    kind: input.kind,
    reference: input.reference ?? `order:${order.id}`,
    orderId: order.id,
    createdById: input.actorId,
    lines: [
      { accountId: ids.get(escrow.code)!, amount: -amount },
      { accountId: ids.get(wallet.code)!, amount },
    ],
  });
  return {
    orderId: order.id,
    buyerId: order.buyer_id,
    totalFen: order.total_fen,
    refundedFen: order.refunded_fen,
    closed: order.refunded_fen === order.total_fen,
    status: order.status,
  };
}

/**
 * An after-sale claim on a completed order, paid to the buyer by its merchant: from the merchant's wallet as
 * far as it goes, the rest as a receivable recovered from the merchant's next releases. The buyer is paid in
 * full at once.
 */
export async function payBuyerClaim(
  tx: Tx,
  input: { orderId: string; amountFen: Fen; actorId: string | null; now: Date; reference: string },
): Promise<{ fromWalletFen: Fen; owedFen: Fen } | null> {
  const { amountFen: amount } = input;
  if (amount <= 0n) return null;
  const [order] = await tx.$queryRaw<{ id: string; buyer_id: string; merchant_user_id: string }[]>`
    UPDATE orders o SET claimed_fen = o.claimed_fen + ${amount}, updated_at = ${input.now}
      FROM merchants m
     WHERE o.id = ${input.orderId} AND m.id = o.merchant_id AND o.status = 'COMPLETED'
       AND o.refunded_fen + o.claimed_fen + ${amount} <= o.total_fen
    RETURNING o.id, o.buyer_id, m.user_id AS merchant_user_id`;
  if (!order) return null;
  // The receivable first, then the wallet: the lock order every receivable user keeps (lib/ledger/receivable.ts).
  await lockReceivableDebt(tx, order.merchant_user_id);
  const specs = [walletSpec(order.merchant_user_id), walletSpec(order.merchant_user_id, "RECEIVABLE"), walletSpec(order.buyer_id)];
  const ids = await accountIds(tx, specs);
  const [wallet] = await tx.$queryRaw<{ balance: bigint }[]>`SELECT balance FROM ledger_accounts WHERE id = ${ids.get(specs[0].code)!} FOR UPDATE`;
  const fromWallet = wallet.balance < amount ? (wallet.balance > 0n ? wallet.balance : 0n) : amount;
  const owed = amount - fromWallet;
  await postJournal(tx, {
    kind: "DISPUTE_CLAIM",
    reference: input.reference,
    orderId: order.id,
    createdById: input.actorId,
    lines: [
      ...(fromWallet > 0n ? [{ accountId: ids.get(specs[0].code)!, amount: -fromWallet }] : []),
      ...(owed > 0n ? [{ accountId: ids.get(specs[1].code)!, amount: -owed }] : []),
      { accountId: ids.get(specs[2].code)!, amount },
    ],
  });
  return { fromWalletFen: fromWallet, owedFen: owed };
}
