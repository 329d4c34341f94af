import type { PrismaClient } from "@/lib/generated/prisma/client";
import { assertRole, type Actor } from "@/lib/auth/actor";
import { userBalance } from "@/lib/ledger/accounts";

/** Orders whose money is in escrow for the buyer: paid, and neither completed nor refunded yet. */
const IN_ESCROW = ["PAID", "SHIPPED", "DISPUTED"] as const;

/**
 * What a buyer's home page shows, only the buyer's own: what escrow holds for them (from the orders' escrow
 * accounts, so partial refunds are already out), what waits for them (shipped orders to confirm, with the
 * automatic confirmation time; disputes waiting for their answer, with the deadline), their wallet balance,
 * and their latest orders.
 */
export async function buyerHome(db: PrismaClient, actor: Actor) {
  assertRole(actor, ["BUYER"]);
  const buyerId = actor.userId;
  const [[escrow], toConfirm, disputes, recent, balance] = await Promise.all([
    db.$queryRaw<{ orders: bigint; held: bigint }[]>`
      SELECT count(*)::bigint AS orders, COALESCE(sum(a.balance), 0)::bigint AS held
        FROM orders o LEFT JOIN ledger_accounts a ON a.order_id = o.id
       WHERE o.buyer_id = ${buyerId} AND o.status::text = ANY(${[...IN_ESCROW]})`,
    db.order.findMany({
      where: { buyerId, status: "SHIPPED" },
      orderBy: [{ autoConfirmAt: "asc" }, { id: "asc" }],
      take: 20,
      select: { id: true, orderNo: true, totalFen: true, autoConfirmAt: true, merchant: { select: { displayName: true } } },
    }),
    db.dispute.findMany({
      where: { buyerId, status: "AWAITING_BUYER" },
      orderBy: [{ buyerDeadline: "asc" }, { id: "asc" }],
      take: 20,
      select: { id: true, offerFen: true, buyerDeadline: true, order: { select: { orderNo: true } } },
    }),
    db.order.findMany({
      where: { buyerId },
      orderBy: [{ paidAt: "desc" }, { id: "desc" }],
      take: 5,
      select: { id: true, orderNo: true, status: true, totalFen: true, paidAt: true, merchant: { select: { displayName: true } } },
    }),
    userBalance(db, buyerId),
  ]);
  return { escrow: { orders: Number(escrow.orders), heldFen: escrow.held }, toConfirm, disputes, recent, balanceFen: balance };
}
