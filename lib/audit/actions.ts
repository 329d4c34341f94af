import type { MerchantStatus } from "@/lib/generated/prisma/enums";

/** The statuses a review moves a merchant to; each is an audit action `merchant.<status in lower case>`. */
export type ReviewedStatus = Extract<MerchantStatus, "APPROVED" | "REJECTED" | "NEEDS_INFO" | "SUSPENDED">;
export const reviewAction = (to: ReviewedStatus) => `merchant.${to.toLowerCase()}` as `merchant.${Lowercase<ReviewedStatus>}`;

/**
 * Every action the audit log records, and the kinds of thing it names. The log shows each by its name in the
 * reader's language (adminAudit.actions.*, adminAudit.targets.*); a test checks that both catalogs have them.
 */
export const AUDIT_ACTIONS = [
  "merchant.submit",
  "merchant.reapply",
  "merchant.approved",
  "merchant.rejected",
  "merchant.needs_info",
  "merchant.suspended",
  "merchant.identity_matches_acknowledged",
  "setting.update",
  "admin.create",
  "admin.role_change",
  "admin.second_factor_enrolled",
  "admin.recovery_code_used",
  "merchant.rename",
  "fund.rate_set",
  "dispute.decide",
  "credit.review.propose",
  "credit.review.approve",
  "credit.review.decline",
  "credit.monitor.freeze",
  "credit.monitor.raise_share",
  "credit.monitor.call_due",
  "credit.monitor.unfreeze",
] as const satisfies readonly (string | ReturnType<typeof reviewAction>)[];
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_TARGETS = ["merchant", "setting", "user", "dispute", "fund_rate", "loan_application"] as const;
export type AuditTarget = (typeof AUDIT_TARGETS)[number];

/** The fields the before/after values of an entry may hold, each with a label (adminAudit.fields.*). */
export const AUDIT_FIELDS = [
  "status",
  "riskLevel",
  "reasonCode",
  "message",
  "fields",
  "decidedAt",
  "rejectedAt",
  "matches",
  "value",
  "email",
  "name",
  "role",
  "claimed",
  "refunded",
  "reason",
  "note",
  "adminRole",
  "displayName",
  "effectiveFrom",
  "per10kE4",
  "enteredAs",
] as const;
