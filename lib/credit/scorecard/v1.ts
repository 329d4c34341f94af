import type { CreditInputs } from "./inputs";

/** How a feature's value is shown in a reason (the catalogs format it). */
export type FeatureKind = "fen" | "bps" | "count" | "months" | "days";

export type FeatureSpec = {
  /** Also the reason code (credit.reasons.<code> in the catalogs). */
  code: string;
  kind: FeatureKind;
  /** "higher": a value at or above a cut moves up a bin; "lower": at or below. */
  better: "higher" | "lower";
  /** Ascending for "higher", descending for "lower". */
  cuts: number[];
  /** Points per bin, worst to best (cuts.length + 1 of them). */
  points: number[];
  /** Points when there is no value (no history yet). */
  missing?: number;
  value: (i: CreditInputs) => number | null;
};

export type Scorecard = {
  version: string;
  base: number;
  min: number;
  max: number;
  features: FeatureSpec[];
  /** Lowest score of each grade, best first; below the last: E. */
  grades: { grade: "A" | "B" | "C" | "D"; min: number }[];
  /** The limit as a share of a month's net sales (90-day net sales / 3), per grade, in bps. */
  limitShareBps: Record<"A" | "B" | "C" | "D" | "E", number>;
};

const ratio = (part: number, whole: number, round: (x: number) => number) => (whole > 0 ? round((part * 10_000) / whole) : 0);

/**
 * Version 1 (November 2026). Base 300; the features add up to 550 at most, so scores run 300–850. Never edit a
 * published version: a change is a new version (a new file), and stored decisions keep recomputing with theirs.
 */
export const SCORECARD_V1: Scorecard = {
  version: "2026-11.v1",
  base: 300,
  min: 300,
  max: 850,
  features: [
    { code: "TENURE", kind: "months", better: "higher", cuts: [1, 3, 6, 12], points: [0, 15, 30, 45, 60], value: (i) => Math.floor(i.daysSinceApproval / 30) },
    { code: "SALES", kind: "fen", better: "higher", cuts: [100_000, 1_000_000, 5_000_000, 20_000_000], points: [0, 20, 40, 60, 80], value: (i) => i.netSales90Fen },
    {
      code: "TREND",
      kind: "bps",
      better: "higher",
      cuts: [-5_000, -2_000, 1_000],
      points: [0, 15, 35, 45],
      // The last 30 days against the average 30 days of the 60 before; no earlier sales: growth if any now.
      value: (i) => (i.netSalesPrev60Fen > 0 ? Math.trunc(((i.netSales30Fen * 2 - i.netSalesPrev60Fen) * 10_000) / i.netSalesPrev60Fen) : i.netSales30Fen > 0 ? 10_000 : 0),
    },
    { code: "ORDERS", kind: "count", better: "higher", cuts: [5, 20, 100, 500], points: [0, 20, 40, 55, 65], value: (i) => i.completedOrders },
    { code: "REFUNDS", kind: "bps", better: "lower", cuts: [1_500, 800, 300], points: [0, 15, 30, 45], value: (i) => ratio(i.refunded90Fen, i.paid90Fen, Math.floor) },
    // The dispute rates exactly as lib/disputes/stats.ts defines them (rounded to the nearest bp).
    { code: "DISPUTES", kind: "bps", better: "lower", cuts: [500, 200, 50], points: [0, 15, 35, 50], value: (i) => ratio(i.disputedOrders90, i.paidOrders90, Math.round) },
    { code: "DISPUTES_LOST", kind: "bps", better: "lower", cuts: [5_000, 2_000], points: [0, 15, 30], value: (i) => ratio(i.lostDisputes90, i.decidedDisputes90, Math.round) },
    {
      code: "SHIPPING",
      kind: "bps",
      better: "higher",
      cuts: [8_000, 9_500],
      points: [0, 20, 40],
      missing: 20,
      value: (i) => (i.shippedOrders90 > 0 ? Math.floor((i.shippedOnTime90 * 10_000) / i.shippedOrders90) : null),
    },
    {
      code: "REPAYMENT",
      kind: "days",
      better: "lower",
      cuts: [30, 7, 0],
      points: [0, 15, 30, 50],
      missing: 35,
      value: (i) => (i.instalmentsOnTime + i.instalmentsLate > 0 || i.maxDpd365 > 0 ? i.maxDpd365 : null),
    },
    { code: "OVERDUE", kind: "days", better: "lower", cuts: [0], points: [0, 25], value: (i) => i.currentDpd },
    {
      code: "DEBT",
      kind: "bps",
      better: "lower",
      cuts: [10_000, 5_000, 2_000],
      points: [0, 15, 30, 40],
      // Debt against a month of sales (90-day net sales / 3).
      value: (i) => (i.debtFen === 0 ? 0 : i.netSales90Fen > 0 ? Math.floor((i.debtFen * 3 * 10_000) / i.netSales90Fen) : 1_000_000),
    },
    { code: "RECEIVABLE", kind: "fen", better: "lower", cuts: [0], points: [0, 20], value: (i) => i.receivableFen },
  ],
  grades: [
    { grade: "A", min: 760 },
    { grade: "B", min: 700 },
    { grade: "C", min: 640 },
    { grade: "D", min: 580 },
  ],
  limitShareBps: { A: 20_000, B: 15_000, C: 10_000, D: 5_000, E: 0 },
};
