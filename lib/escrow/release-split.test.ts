import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitRelease } from "./release-split";

describe("release split", () => {
  it("rounds the fee half up to the fen and the reserve down, on documented examples", () => {
    // 1.0% of ¥100.00 = ¥1.00; reserve 5% of ¥99.00 = ¥4.95.
    expect(splitRelease(10_000n, 100, 500)).toEqual({ fee: 100n, reserve: 495n, net: 9_405n });
    // 0.6% of ¥0.75 = 0.45 fen → 0; 0.6% of ¥0.84 = 0.504 fen → 1.
    expect(splitRelease(75n, 60, 0).fee).toBe(0n);
    expect(splitRelease(84n, 60, 0).fee).toBe(1n);
    // Exactly half a fen rounds up: 1.5% of ¥1.00 = 1.5 fen → 2.
    expect(splitRelease(100n, 150, 0).fee).toBe(2n);
    // Reserve rounds down: 10% of 19 fen = 1.9 → 1.
    expect(splitRelease(19n, 0, 1_000).reserve).toBe(1n);
    expect(splitRelease(0n, 150, 1000)).toEqual({ fee: 0n, reserve: 0n, net: 0n });
  });

  it("always adds up exactly and never goes negative", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 100_000_000_00n }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 5000 }), (held, fee, reserve) => {
        const s = splitRelease(held, fee, reserve);
        expect(s.fee + s.reserve + s.net).toBe(held);
        expect(s.fee >= 0n && s.reserve >= 0n && s.net >= 0n).toBe(true);
      }),
    );
  });
});
