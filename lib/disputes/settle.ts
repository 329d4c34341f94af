import type { Tx } from "@/lib/db/transaction";
import type { Dispute } from "@/lib/generated/prisma/client";
import type { DisputeStatus } from "@/lib/generated/prisma/enums";
import { DomainError } from "@/lib/errors/domain-error";
import { addOrderEvent } from "@/lib/escrow/events";
import { releaseShippedOrder } from "@/lib/escrow/release";
import { orderAccount, userAccount } from "@/lib/ledger/accounts";
import { postJournal } from "@/lib/ledger/post";
import { lockReceivableDebt, receivableAccount } from "@/lib/ledger/receivable";
import type { Fen } from "@/lib/money/fen";
import { notify } from "@/lib/notifications/notify";
import { refreshDisputeStats } from "./stats";
import { disputeStates } from "./states";

type Outcome = { status: Extract<DisputeStatus, "RESOLVED_BUYER" | "RESOLVED_MERCHANT" | "RESOLVED_SPLIT" | "WITHDRAWN">; refundFen: Fen; actorId: string | null };

/**
 * Ends a dispute and moves its money in the same transaction.
 * Before completion: the refund comes out of escrow; then, if the order had shipped and the dispute was
 * decided (not withdrawn), what escrow still holds is released to the merchant; otherwise the order goes back
 * to where it was, its auto-confirm clock resumed with the time it had left. After completion: the refund is
 * taken from the merchant's wallet; what the wallet cannot cover becomes a receivable recovered from the
 * merchant's next releases. Buyer + merchant + fee always add up to what was paid.
 */
export async function settleDispute(tx: Tx, dispute: Dispute, outcome: Outcome, now: Date, extra: { decisionReason?: string; decisionNote?: string } = {}) {
  disputeStates.assert(dispute.status, outcome.status);
  if (outcome.refundFen < 0n || outcome.refundFen > dispute.claimedFen) throw new DomainError("invalid_amount", { messageKey: "errors.dispute_amount" });
  const updated = await tx.dispute.updateMany({
    where: { id: dispute.id, status: dispute.status },
    data: { status: outcome.status, refundedFen: outcome.refundFen, resolvedAt: now, decidedById: outcome.actorId, merchantDeadline: null, buyerDeadline: null, offerFen: null, ...extra },
  });
  if (updated.count !== 1) throw new DomainError("invalid_transition", { messageKey: "errors.dispute_changed" });
  const order = await tx.order.findUniqueOrThrow({ where: { id: dispute.orderId }, include: { merchant: { select: { userId: true } } } });

  if (dispute.afterCompletion) {
    if (outcome.refundFen > 0n) await recoverFromMerchant(tx, dispute, order.merchant.userId, outcome.refundFen, outcome.actorId);
  } else {
    if (outcome.refundFen > 0n) {
      await tx.order.update({ where: { id: order.id }, data: { refundedFen: { increment: outcome.refundFen } } });
      await postJournal(tx, {
        kind: "DISPUTE_REFUND",
        reference: `order:${order.id}`,
        createdById: outcome.actorId,
        lines: [
          { accountId: (await orderAccount(tx, order.id)).id, amount: -outcome.refundFen },
          { accountId: (await userAccount(tx, dispute.buyerId)).id, amount: outcome.refundFen },
        ],
      });
      await addOrderEvent(tx, order.id, "refunded", outcome.actorId, { amount: outcome.refundFen.toString() });
    }
    const stillHeld = order.totalFen - order.refundedFen - outcome.refundFen;
    const resume = dispute.orderStatusBefore === "SHIPPED" ? "SHIPPED" : "PAID";
    if (stillHeld === 0n) {
      await tx.order.update({ where: { id: order.id }, data: { status: "REFUNDED", closedAt: now, autoConfirmAt: null } });
    } else {
      const autoConfirmAt = resume === "SHIPPED" ? new Date(now.getTime() + Number(dispute.frozenRemainingMs ?? 0n)) : null;
      await tx.order.update({ where: { id: order.id }, data: { status: resume, autoConfirmAt } });
      if (resume === "SHIPPED" && outcome.status !== "WITHDRAWN") await releaseShippedOrder(tx, order.id, outcome.actorId, now, "confirmed");
    }
  }
  await notify(tx, dispute.buyerId, `dispute.${outcome.status}`, { orderNo: order.orderNo });
  await notify(tx, order.merchant.userId, `dispute.${outcome.status}`, { orderNo: order.orderNo });
  await refreshDisputeStats(tx, dispute.merchantId, now);
}

async function recoverFromMerchant(tx: Tx, dispute: Dispute, merchantUserId: string, amount: Fen, actorId: string | null) {
  await lockReceivableDebt(tx, merchantUserId);
  const wallet = await userAccount(tx, merchantUserId);
  const [row] = await tx.$queryRaw<{ balance: bigint }[]>`SELECT balance FROM ledger_accounts WHERE id = ${wallet.id} FOR UPDATE`;
  const fromWallet = row.balance < amount ? row.balance : amount;
  const owed = amount - fromWallet;
  await postJournal(tx, {
    kind: "DISPUTE_CLAIM",
    reference: `dispute:${dispute.id}`,
    createdById: actorId,
    lines: [
      ...(fromWallet > 0n ? [{ accountId: wallet.id, amount: -fromWallet }] : []),
      ...(owed > 0n ? [{ accountId: (await receivableAccount(tx, merchantUserId)).id, amount: -owed }] : []),
      { accountId: (await userAccount(tx, dispute.buyerId)).id, amount },
    ],
  });
}
