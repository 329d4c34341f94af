import type { DisputeStatus } from "@/lib/generated/prisma/enums";
import { defineStateMachine } from "@/lib/state/machine";

/**
 * OPEN (merchant's turn) → AWAITING_BUYER (offer or contest) | RESOLVED_BUYER (accepted, or merchant silent)
 * | ESCALATED | WITHDRAWN; AWAITING_BUYER → RESOLVED_SPLIT (offer accepted) | ESCALATED | WITHDRAWN
 * | RESOLVED_MERCHANT (buyer silent); ESCALATED → one of the three resolutions (admin).
 */
export const disputeStates = defineStateMachine<DisputeStatus>("dispute", {
  OPEN: ["AWAITING_BUYER", "RESOLVED_BUYER", "ESCALATED", "WITHDRAWN"],
  AWAITING_BUYER: ["RESOLVED_SPLIT", "ESCALATED", "WITHDRAWN", "RESOLVED_MERCHANT"],
  ESCALATED: ["RESOLVED_BUYER", "RESOLVED_SPLIT", "RESOLVED_MERCHANT"],
  RESOLVED_BUYER: [],
  RESOLVED_MERCHANT: [],
  RESOLVED_SPLIT: [],
  WITHDRAWN: [],
});

export const OPEN_DISPUTE_STATUSES: readonly DisputeStatus[] = ["OPEN", "AWAITING_BUYER", "ESCALATED"];
export const isOpen = (status: DisputeStatus) => OPEN_DISPUTE_STATUSES.includes(status);
