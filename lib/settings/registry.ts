import { z } from "zod";

/**
 * Every setting: its type (a zod schema that also bounds it) and its default. Rates are in basis points
 * (1 bp = 0.01%), so they stay integers. Each has a unit, shown beside its name (adminSettings.units.<unit>).
 */
export type SettingUnit = "bps" | "days" | "hours" | "fen";
const bps = (max: number) => z.number().int().min(0).max(max);

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
} as const satisfies Record<string, { schema: z.ZodType<number>; default: number; group: string; unit: SettingUnit }>;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTINGS)[K]["schema"]>;
export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];
/**
 * Only the registry's own keys: `key in SETTINGS` would also accept "__proto__", "constructor" or "toString"
 * (inherited from Object.prototype), and the code after the check would then read a setting that is not one.
 */
export const isSettingKey = (key: unknown): key is SettingKey => typeof key === "string" && Object.hasOwn(SETTINGS, key);
