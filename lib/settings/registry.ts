import { z } from "zod";

/**
 * Every setting: its type (a zod schema that also bounds it) and its default. Rates are in basis points
 * (1 bp = 0.01%), so they stay integers. Each has a unit, shown beside its name (adminSettings.units.<unit>).
 */
const bps = (max: number) => z.number().int().min(0).max(max);
const fen = (max: number) => z.number().int().min(0).max(max);
const days = (min: number, max: number) => z.number().int().min(min).max(max);

export type SettingUnit = "bps" | "days" | "hours" | "fen" | "count";

export const SETTINGS = {
  "merchant.feeRateBps.LOW": { schema: bps(1_000), default: 60, group: "risk", unit: "bps" },
  "merchant.feeRateBps.MEDIUM": { schema: bps(1_000), default: 100, group: "risk", unit: "bps" },
  "merchant.feeRateBps.HIGH": { schema: bps(1_000), default: 150, group: "risk", unit: "bps" },
  "merchant.reserveRateBps.LOW": { schema: bps(5_000), default: 0, group: "risk", unit: "bps" },
  "merchant.reserveRateBps.MEDIUM": { schema: bps(5_000), default: 500, group: "risk", unit: "bps" },
  "merchant.reserveRateBps.HIGH": { schema: bps(5_000), default: 1_000, group: "risk", unit: "bps" },
  "merchant.reapplyCoolingDays": { schema: z.number().int().min(0).max(365), default: 30, group: "onboarding", unit: "days" },
  "merchant.reserveDays": { schema: z.number().int().min(0).max(365), default: 30, group: "risk", unit: "days" },
  "order.unpaidExpiryHours": { schema: z.number().int().min(1).max(24 * 30), default: 24, group: "orders", unit: "hours" },
  "order.shipDeadlineDays": { schema: z.number().int().min(1).max(60), default: 3, group: "orders", unit: "days" },
  "order.autoConfirmDays": { schema: z.number().int().min(1).max(60), default: 10, group: "orders", unit: "days" },
  "order.extendDays": { schema: z.number().int().min(1).max(30), default: 3, group: "orders", unit: "days" },
  "dispute.claimWindowDays": { schema: z.number().int().min(0).max(180), default: 15, group: "disputes", unit: "days" },
  "dispute.merchantResponseDays": { schema: z.number().int().min(1).max(30), default: 5, group: "disputes", unit: "days" },
  "dispute.buyerResponseDays": { schema: z.number().int().min(1).max(30), default: 5, group: "disputes", unit: "days" },
  /** Redemptions to the wallet per user and day that arrive at once (fen); the rest arrives the next day. */
  "fund.instantRedeemCapFen": { schema: z.number().int().min(0).max(100_000_000), default: 1_000_000, group: "fund", unit: "fen" },
  // Merchant credit (docs/credit.md). Daily rates are basis points per day (5 = 0.05% a day).
  "credit.maxLimitFen": { schema: fen(100_000_000), default: 100_000_000, group: "credit", unit: "fen" },
  "credit.minLoanFen": { schema: fen(10_000_000), default: 10_000, group: "credit", unit: "fen" },
  "credit.orderLoanShareBps": { schema: bps(10_000), default: 8_000, group: "credit", unit: "bps" },
  "credit.orderLoanDailyRateBps": { schema: bps(100), default: 5, group: "credit", unit: "bps" },
  "credit.dailyRateBps.A": { schema: bps(100), default: 2, group: "credit", unit: "bps" },
  "credit.dailyRateBps.B": { schema: bps(100), default: 3, group: "credit", unit: "bps" },
  "credit.dailyRateBps.C": { schema: bps(100), default: 4, group: "credit", unit: "bps" },
  "credit.dailyRateBps.D": { schema: bps(100), default: 5, group: "credit", unit: "bps" },
  /** Penalty interest per day on principal past due, on top of the loan's own interest. */
  "credit.penaltyDailyRateBps": { schema: bps(100), default: 3, group: "credit", unit: "bps" },
  /** Applications for this much or more go to an administrator. */
  "credit.reviewAmountFen": { schema: fen(100_000_000), default: 5_000_000, group: "credit", unit: "fen" },
  /** Applications scoring within this band (inclusive) go to an administrator. */
  "credit.reviewScoreMin": { schema: z.number().int().min(300).max(850), default: 580, group: "credit", unit: "count" },
  "credit.reviewScoreMax": { schema: z.number().int().min(300).max(850), default: 609, group: "credit", unit: "count" },
  /** Approving this much or more in review needs a second administrator (the proposer may not approve). */
  "credit.makerCheckerAmountFen": { schema: fen(100_000_000), default: 10_000_000, group: "credit", unit: "fen" },
  "credit.approvalValidDays": { schema: days(1, 30), default: 3, group: "credit", unit: "days" },
  /** An order loan whose order was refunded or disputed falls due this many days later. */
  "credit.orderLoanFallbackDays": { schema: days(1, 90), default: 7, group: "credit", unit: "days" },
  /** While any loan is overdue, this share of every escrow release goes to the loans first. */
  "credit.overdueReleaseShareBps": { schema: bps(10_000), default: 3_000, group: "credit", unit: "bps" },
  /** A loan more than this many days past due is non-performing. */
  "credit.nplDays": { schema: days(30, 365), default: 90, group: "credit", unit: "days" },
  "credit.monitor.disputeRateBps": { schema: bps(10_000), default: 500, group: "credit", unit: "bps" },
  "credit.monitor.salesDropBps": { schema: bps(10_000), default: 5_000, group: "credit", unit: "bps" },
  "credit.monitor.drainShareBps": { schema: bps(10_000), default: 8_000, group: "credit", unit: "bps" },
  "credit.monitor.drainDays": { schema: days(1, 30), default: 3, group: "credit", unit: "days" },
  "credit.monitor.raisedReleaseShareBps": { schema: bps(10_000), default: 5_000, group: "credit", unit: "bps" },
  "credit.monitor.callDueSignals": { schema: z.number().int().min(1).max(3), default: 2, group: "credit", unit: "count" },
  "credit.restore.cleanDays": { schema: days(1, 365), default: 30, group: "credit", unit: "days" },
  "credit.restore.orders": { schema: z.number().int().min(0).max(10_000), default: 10, group: "credit", unit: "count" },
  "credit.restore.maxDisputeRateBps": { schema: bps(10_000), default: 100, group: "credit", unit: "bps" },
  "credit.restore.onTimeRepayments": { schema: z.number().int().min(0).max(100), default: 3, group: "credit", unit: "count" },
  "credit.restore.fullCleanDays": { schema: days(1, 730), default: 90, group: "credit", unit: "days" },
} as const satisfies Record<string, { schema: z.ZodType<number>; default: number; group: string; unit: SettingUnit }>;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTINGS)[K]["schema"]>;
export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];
/**
 * Only the registry's own keys: `key in SETTINGS` would also accept "__proto__", "constructor" or "toString"
 * (inherited from Object.prototype), and the code after the check would then read a setting that is not one.
 */
export const isSettingKey = (key: unknown): key is SettingKey => typeof key === "string" && Object.hasOwn(SETTINGS, key);
