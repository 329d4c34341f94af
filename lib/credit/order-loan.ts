import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { splitRelease } from "@/lib/escrow/release-split";
import { pricingFor } from "@/lib/settings/settings";
import { platformDayOf } from "@/lib/time/platform-day";

export type OrderLoanQuote = { orderId: string; orderNo: string; heldFen: bigint; netFen: bigint; maxFen: bigint; expectedDay: string };

/**
 * An order a merchant may borrow against: its own, SHIPPED (so its release is coming), not disputed, no loan on it
 * yet. The most it lends is a share of what the merchant would receive at release (net of fee and reserve at the
 * merchant's risk level), rounded down to the yuan.
 */
export async function quoteOrderLoan(db: Db, actor: Actor, orderId: string, shareBps: number, lock = false): Promise<OrderLoanQuote> {
  const rows = lock
    ? await db.$queryRaw<OrderRow[]>`
        SELECT o.id, o.order_no, o.status::text AS status, o.total_fen, o.refunded_fen, o.auto_confirm_at, m.risk_level::text AS risk_level
          FROM orders o JOIN merchants m ON m.id = o.merchant_id WHERE o.id = ${orderId} AND m.user_id = ${actor.userId} FOR UPDATE OF o`
    : await db.$queryRaw<OrderRow[]>`
        SELECT o.id, o.order_no, o.status::text AS status, o.total_fen, o.refunded_fen, o.auto_confirm_at, m.risk_level::text AS risk_level
          FROM orders o JOIN merchants m ON m.id = o.merchant_id WHERE o.id = ${orderId} AND m.user_id = ${actor.userId}`;
  const order = rows[0];
  if (!order) throw new DomainError("not_found");
  const loan = await db.loan.findUnique({ where: { orderId }, select: { id: true } });
  const openDispute = await db.dispute.count({ where: { orderId, status: { in: ["OPEN", "AWAITING_BUYER", "ESCALATED"] } } });
  if (order.status !== "SHIPPED" || loan || openDispute > 0 || !order.auto_confirm_at) {
    throw new DomainError("invalid_transition", { messageKey: "credit.errors.order_not_eligible", fieldErrors: { orderId: "credit.errors.order_not_eligible" } });
  }
  const pricing = await pricingFor((order.risk_level ?? "HIGH") as "LOW" | "MEDIUM" | "HIGH");
  const held = order.total_fen - order.refunded_fen;
  const { net } = splitRelease(held, pricing.feeRateBps, pricing.reserveRateBps);
  const maxFen = (((net * BigInt(shareBps)) / 10_000n) / 100n) * 100n;
  return { orderId: order.id, orderNo: order.order_no, heldFen: held, netFen: net, maxFen, expectedDay: platformDayOf(order.auto_confirm_at) };
}

type OrderRow = { id: string; order_no: string; status: string; total_fen: bigint; refunded_fen: bigint; auto_confirm_at: Date | null; risk_level: string | null };

/** The merchant's orders that an order loan could be taken against now, newest first. */
export async function eligibleOrders(db: Db, actor: Actor, shareBps: number, limit = 50) {
  const orders = await db.$queryRaw<{ id: string }[]>`
    SELECT o.id FROM orders o JOIN merchants m ON m.id = o.merchant_id
     WHERE m.user_id = ${actor.userId} AND o.status = 'SHIPPED'
       AND NOT EXISTS (SELECT 1 FROM loans l WHERE l.order_id = o.id)
       AND NOT EXISTS (SELECT 1 FROM disputes d WHERE d.order_id = o.id AND d.status IN ('OPEN', 'AWAITING_BUYER', 'ESCALATED'))
     ORDER BY o.shipped_at DESC, o.id LIMIT ${limit}`;
  const quotes: OrderLoanQuote[] = [];
  for (const o of orders) quotes.push(await quoteOrderLoan(db, actor, o.id, shareBps));
  return quotes.filter((q) => q.maxFen > 0n);
}

export const todayOf = (now: Date) => platformDayOf(now);
