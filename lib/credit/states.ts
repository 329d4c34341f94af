import type { LoanApplicationStatus, LoanStatus } from "@/lib/generated/prisma/enums";
import { defineStateMachine } from "@/lib/state/machine";

/**
 * A loan is ACTIVE while nothing is past due, OVERDUE while something is (days past due > 0), REPAID once principal,
 * interest and penalty are all paid. The database's credit_refresh_loan moves it after every change of what it owes
 * and only along these edges (a test checks every transition it made).
 */
export const loanStates = defineStateMachine<LoanStatus>("loan", {
  ACTIVE: ["OVERDUE", "REPAID"],
  OVERDUE: ["ACTIVE", "REPAID"],
  REPAID: [],
});

/**
 * An application is decided at once: APPROVED, DECLINED, or REVIEW (an administrator decides: APPROVED or DECLINED).
 * An approval is ACCEPTED by the merchant (the loan is disbursed) or EXPIRED.
 */
export const applicationStates = defineStateMachine<LoanApplicationStatus>("loan application", {
  REVIEW: ["APPROVED", "DECLINED"],
  APPROVED: ["ACCEPTED", "EXPIRED"],
  DECLINED: [],
  ACCEPTED: [],
  EXPIRED: [],
});
