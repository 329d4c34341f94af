import type { MerchantStatus } from "@/lib/generated/prisma/enums";
import { defineStateMachine } from "@/lib/state/machine";

/**
 * DRAFT → SUBMITTED → APPROVED | REJECTED | NEEDS_INFO; NEEDS_INFO → SUBMITTED; APPROVED ↔ SUSPENDED.
 * REJECTED → DRAFT starts a new application, allowed only after the cooling-off period (checked by the caller).
 */
export const merchantStates = defineStateMachine<MerchantStatus>("merchant", {
  DRAFT: ["SUBMITTED"],
  SUBMITTED: ["APPROVED", "REJECTED", "NEEDS_INFO"],
  NEEDS_INFO: ["SUBMITTED"],
  APPROVED: ["SUSPENDED"],
  SUSPENDED: ["APPROVED"],
  REJECTED: ["DRAFT"],
});

/** The application can be edited only while the merchant is preparing it. */
export const isEditable = (status: MerchantStatus) => status === "DRAFT" || status === "NEEDS_INFO";
