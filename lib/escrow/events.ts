import type { Tx } from "@/lib/db/transaction";
import type { Prisma } from "@/lib/generated/prisma/client";

export type OrderEventType =
  | "created"
  | "paid"
  | "shipped"
  | "extended"
  | "confirmed"
  | "auto_confirmed"
  | "refunded"
  | "dispute_refunded"
  | "dispute_released"
  | "claim_paid"
  | "cancelled"
  | "expired"
  | "closed_by_merchant"
  | "reserve_released"
  | "disputed";

/** One line of the order's timeline, in the same transaction as the change. */
export async function addOrderEvent(tx: Tx, orderId: string, type: OrderEventType, actorId: string | null, data: Prisma.InputJsonObject = {}) {
  await tx.$executeRaw`INSERT INTO order_events (order_id, type, actor_id, data) VALUES (${orderId}, ${type}, ${actorId}, ${JSON.stringify(data)}::jsonb)`;
}
