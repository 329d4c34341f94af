import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DomainError } from "@/lib/errors/domain-error";
import { fenToYuanString, formatFen, parseYuan } from "./fen";

const keyOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as DomainError).messageKey;
  }
  return "no error";
};

describe("parseYuan", () => {
  it("reads yuan with up to two decimals as exact fen", () => {
    expect(parseYuan("12")).toBe(1200n);
    expect(parseYuan("12.5")).toBe(1250n);
    expect(parseYuan("0.01")).toBe(1n);
    expect(parseYuan("1,234.56")).toBe(123456n);
    expect(parseYuan(" ¥88.80 ")).toBe(8880n);
    expect(parseYuan("1000000")).toBe(100_000_000n);
  });

  it("refuses each kind of bad input with its own message", () => {
    expect(keyOf(() => parseYuan(""))).toBe("validation.amount.required");
    expect(keyOf(() => parseYuan("-5"))).toBe("validation.amount.positive");
    expect(keyOf(() => parseYuan("0"))).toBe("validation.amount.positive");
    expect(keyOf(() => parseYuan("0.00"))).toBe("validation.amount.positive");
    expect(keyOf(() => parseYuan("1.234"))).toBe("validation.amount.decimals");
    expect(keyOf(() => parseYuan("12abc"))).toBe("validation.amount.format");
    expect(keyOf(() => parseYuan("1e5"))).toBe("validation.amount.format");
    expect(keyOf(() => parseYuan("007"))).toBe("validation.amount.format");
    expect(keyOf(() => parseYuan("1000000.01"))).toBe("validation.amount.max");
  });

  it("round-trips every amount through its yuan text", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 100_000_000n }), (fen) => {
        expect(parseYuan(fenToYuanString(fen))).toBe(fen);
      }),
    );
  });
});

describe("formatFen", () => {
  it("formats as ¥ with grouping and two decimals", () => {
    expect(formatFen(123456n)).toBe("¥1,234.56");
    expect(formatFen(5n)).toBe("¥0.05");
    expect(formatFen(0n)).toBe("¥0.00");
    expect(formatFen(-100_000_000n)).toBe("-¥1,000,000.00");
    expect(formatFen(123456789012345n)).toBe("¥1,234,567,890,123.45");
  });
});
