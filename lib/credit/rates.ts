/**
 * Interest rates. Settings hold daily rates in basis points per day (5 = 0.05% a day); loans store them in units of
 * 1e-8 per day (a basis point of a basis point), so interest on fen is computed in 1e-8 fen, exactly, in BigInt.
 */
export const E8 = 100_000_000n;

export const dailyRateE8FromBps = (bpsPerDay: number): bigint => BigInt(bpsPerDay) * 10_000n;

/** The nominal annual rate (daily × 365) in basis points, for display: 0.05% a day = 18.25% a year = 1825 bps. */
export const annualBpsFromDailyE8 = (dailyRateE8: bigint): number => Number((dailyRateE8 * 365n) / 10_000n);

/** A daily rate as a percentage with up to 4 decimals ("0.05%"). */
export function formatDailyRate(dailyRateE8: bigint): string {
  const hundredths = Number(dailyRateE8) / 1_000_000; // percent
  return `${hundredths.toFixed(4).replace(/0+$/, "").replace(/\.$/, "")}%`;
}

/** Basis points as a percentage with two decimals ("18.25%"). */
export const formatBps = (bps: number): string => `${(bps / 100).toFixed(2)}%`;
