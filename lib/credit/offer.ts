import type { CreditInputs, ScoreResult } from "./scorecard";

/** Why a merchant gets no offer, or an application is declined before the amount is even looked at. */
export type BlockedReason = "MERCHANT_SUSPENDED" | "RECEIVABLE_OWED" | "LOAN_OVERDUE" | "CREDIT_FROZEN" | "GRADE_E" | "NO_LIMIT";
export const BLOCKED_REASONS: readonly BlockedReason[] = ["MERCHANT_SUSPENDED", "RECEIVABLE_OWED", "LOAN_OVERDUE", "CREDIT_FROZEN", "GRADE_E", "NO_LIMIT"];

/**
 * The knock-outs, in order: a suspended merchant, one that owes a dispute receivable, one with a loan past due, one
 * whose new draws monitoring froze; then the score (grade E) and a limit of nothing (no sales yet).
 */
export function blockedReason(inputs: CreditInputs, result: ScoreResult, frozen: boolean): BlockedReason | null {
  if (inputs.merchantStatus !== "APPROVED") return "MERCHANT_SUSPENDED";
  if (inputs.receivableFen > 0) return "RECEIVABLE_OWED";
  if (inputs.currentDpd > 0) return "LOAN_OVERDUE";
  if (frozen) return "CREDIT_FROZEN";
  if (result.grade === "E") return "GRADE_E";
  if (result.limitFen <= 0n) return "NO_LIMIT";
  return null;
}

/** The share of the limit that is back (restoration, docs/credit.md): all of it off the path, a third per step on it. */
export const restoredLimit = (limitFen: bigint, onPath: boolean, stepsMet: number): bigint => (onPath ? (limitFen * BigInt(Math.min(3, stepsMet))) / 3n : limitFen);

/** What may still be drawn as credit loans: the restored limit less credit principal outstanding, rounded down to ¥100. */
export function availableCredit(limitFen: bigint, onPath: boolean, stepsMet: number, creditDebtFen: bigint): bigint {
  const room = restoredLimit(limitFen, onPath, stepsMet) - creditDebtFen;
  return room > 0n ? (room / 10_000n) * 10_000n : 0n;
}
