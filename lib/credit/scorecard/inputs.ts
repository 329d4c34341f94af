/**
 * What the scorecard reads about a merchant: counts and sums from the platform's own data, computed set-based in
 * SQL (lib/credit/inputs.ts) at one instant, plus the settings it depends on. Stored as they are with every
 * assessment, so a decision can be recomputed and gives the same answer. Fen as numbers (far below 2^53).
 */
export type CreditInputs = {
  asOf: string;
  merchantStatus: string;
  daysSinceApproval: number;
  /** Net sales (paid − refunded − claimed) of orders paid in the last 90 days, the last 30, and the 60 before those. */
  netSales90Fen: number;
  netSales30Fen: number;
  netSalesPrev60Fen: number;
  completedOrders: number;
  paidOrders90: number;
  paid90Fen: number;
  refunded90Fen: number;
  /** lib/disputes/stats.ts's definition over 90 days: orders disputed, their decided disputes, those lost. */
  disputedOrders90: number;
  decidedDisputes90: number;
  lostDisputes90: number;
  shippedOrders90: number;
  shippedOnTime90: number;
  instalmentsOnTime: number;
  instalmentsLate: number;
  /** The most days past due of any loan active in the last 365 days, and now. */
  maxDpd365: number;
  currentDpd: number;
  /** Principal outstanding on all loans, and on credit loans only (what the limit is drawn against). */
  debtFen: number;
  creditDebtFen: number;
  receivableFen: number;
  /** The settings the answer depends on. */
  maxLimitFen: number;
};

/** An input set with everything at zero: a merchant the platform knows nothing about yet. */
export const emptyInputs = (asOf: string, maxLimitFen: number): CreditInputs => ({
  asOf,
  merchantStatus: "APPROVED",
  daysSinceApproval: 0,
  netSales90Fen: 0,
  netSales30Fen: 0,
  netSalesPrev60Fen: 0,
  completedOrders: 0,
  paidOrders90: 0,
  paid90Fen: 0,
  refunded90Fen: 0,
  disputedOrders90: 0,
  decidedDisputes90: 0,
  lostDisputes90: 0,
  shippedOrders90: 0,
  shippedOnTime90: 0,
  instalmentsOnTime: 0,
  instalmentsLate: 0,
  maxDpd365: 0,
  currentDpd: 0,
  debtFen: 0,
  creditDebtFen: 0,
  receivableFen: 0,
  maxLimitFen,
});
