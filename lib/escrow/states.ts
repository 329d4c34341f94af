import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { defineStateMachine } from "@/lib/state/machine";

/**
 * CREATED → PAID → SHIPPED → COMPLETED, with CANCELLED (unpaid, or paid and not shipped: full refund) and
 * REFUNDED (everything refunded). Partial refunds keep the order where it is. DISPUTED freezes release and
 * the auto-confirm clock; the disputes feature moves orders in and out of it.
 */
export const orderStates = defineStateMachine<OrderStatus>("order", {
  CREATED: ["PAID", "CANCELLED"],
  PAID: ["SHIPPED", "CANCELLED", "REFUNDED", "DISPUTED"],
  SHIPPED: ["COMPLETED", "REFUNDED", "DISPUTED"],
  DISPUTED: ["PAID", "SHIPPED", "COMPLETED", "REFUNDED"],
  COMPLETED: [],
  CANCELLED: [],
  REFUNDED: [],
});
