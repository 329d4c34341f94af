import type { DisputeStatus } from "@/lib/generated/prisma/enums";

type Settled = Extract<DisputeStatus, "RESOLVED_BUYER" | "RESOLVED_MERCHANT" | "RESOLVED_SPLIT" | "WITHDRAWN">;

/**
 * Every kind of notification the domain sends: each is a message under notifications.kinds.* (a test checks
 * both catalogs). The notify function takes only these, so a new kind cannot reach a user without its message.
 */
export const NOTIFICATION_KINDS = [
  "merchant.approved",
  "merchant.rejected",
  "merchant.needsInfo",
  "merchant.suspended",
  "merchant.reinstated",
  "dispute.opened",
  "dispute.offer",
  "dispute.contested",
  "dispute.escalated",
  "dispute.RESOLVED_BUYER",
  "dispute.RESOLVED_MERCHANT",
  "dispute.RESOLVED_SPLIT",
  "dispute.WITHDRAWN",
  "dispute.reminderMerchant",
  "dispute.reminderBuyer",
  "order.paid",
  "order.shipped",
  "credit.offer",
  "credit.approved",
  "credit.declined",
  "credit.disbursed",
  "credit.collected",
  "credit.overdue",
  "credit.orderLoanDue",
  "credit.monitor.FREEZE",
  "credit.monitor.RAISE_SHARE",
  "credit.monitor.CALL_DUE",
  "credit.monitor.UNFREEZE",
] as const satisfies readonly (string | `dispute.${Settled}`)[];
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
