import type { Fen } from "@/lib/money/fen";

/**
 * How a release of `held` fen is split. The fee is `held × feeBps / 10000` rounded half up to the fen (the
 * usual commercial rounding); the reserve is taken from what is left after the fee, rounded down (in the
 * merchant's favour); the merchant's wallet gets the rest. The three always add up to `held` exactly.
 */
export function splitRelease(held: Fen, feeRateBps: number, reserveRateBps: number): { fee: Fen; reserve: Fen; net: Fen } {
  if (held < 0n) throw new Error("release amount cannot be negative");
  const fee = (held * BigInt(feeRateBps) * 2n + 10_000n) / 20_000n;
  const reserve = ((held - fee) * BigInt(reserveRateBps)) / 10_000n;
  return { fee, reserve, net: held - fee - reserve };
}
