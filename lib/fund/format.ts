/**
 * How the fund's rates read. The income per 10,000 units is stored in 0.0001 fen ("E4", lib/fund/rates.ts) and
 * shown in yuan with 4 decimals, rounded half up, as funds publish it: 479,452 E4 = ¥0.479452 → "¥0.4795".
 * Annualised yields are basis points, shown as a percent with 2 decimals: 175 → "1.75%".
 */
export function per10kYuanText(e4: bigint): string {
  const tenThousandths = (e4 + 50n) / 100n; // 0.0001 yuan = 1 fen × 10^-2 = 100 E4
  return `${tenThousandths / 10_000n}.${(tenThousandths % 10_000n).toString().padStart(4, "0")}`;
}

export const formatPer10k = (e4: bigint): string => `¥${per10kYuanText(e4)}`;

export const formatBps = (bps: number): string => `${Math.floor(bps / 100)}.${String(bps % 100).padStart(2, "0")}%`;

/** For charts: the same values as plain numbers (yuan per 10,000 units, percent). */
export const per10kYuanNumber = (e4: bigint): number => Number(per10kYuanText(e4));
export const percentNumber = (bps: number): number => bps / 100;
