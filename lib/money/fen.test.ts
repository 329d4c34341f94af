import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DomainError } from "@/lib/errors/domain-error";
import { MAX_AMOUNT_FEN, fenToYuanString, formatFen, parseYuan } from "./fen";

const keyOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as DomainError).messageKey;
  }
  return "no error";
};

/** Every way a person may write `fen` that the parser promises to read: built from the number, not parsed. */
function writingsOf(fen: bigint): Set<string> {
  const whole = (fen / 100n).toString();
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const cents = fen % 100n;
  const twoDigits = cents.toString().padStart(2, "0");
  const fractions = cents === 0n ? ["", ".0", ".00"] : cents % 10n === 0n ? [`.${cents / 10n}`, `.${twoDigits}`] : [`.${twoDigits}`];
  return new Set([whole, grouped].flatMap((w) => fractions.map((f) => w + f)));
}

/** What the parser reads after its permitted normalisation: NFKC, trimmed, one leading yuan sign dropped. */
const normalised = (text: string) => text.normalize("NFKC").trim().replace(/^¥\s*/, "");

const toFullWidth = (text: string) => text.replace(/[0-9.,]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe("parseYuan", () => {
  it("reads yuan with up to two decimals as exact fen", () => {
    expect(parseYuan("12")).toBe(1200n);
    expect(parseYuan("12.5")).toBe(1250n);
    expect(parseYuan("0.01")).toBe(1n);
    expect(parseYuan("0.5")).toBe(50n);
    expect(parseYuan("1,234.56")).toBe(123456n);
    expect(parseYuan("1,000,000")).toBe(100_000_000n);
    expect(parseYuan(" ¥88.80 ")).toBe(8880n);
    expect(parseYuan("¥ 88")).toBe(8800n);
    expect(parseYuan("￥88.80")).toBe(8880n);
    expect(parseYuan("1000000")).toBe(100_000_000n);
  });

  it("reads full-width digits, point and separator (NFKC), and ideographic spaces", () => {
    expect(parseYuan("１００")).toBe(10_000n);
    expect(parseYuan("１００．５")).toBe(10_050n);
    expect(parseYuan("１，２３４．５６")).toBe(123_456n);
    expect(parseYuan("\u3000￥１２\u3000")).toBe(1_200n);
  });

  it("refuses thousands separators out of place and digits split by spaces", () => {
    for (const text of ["1,00", "5 0", "1,0000", "12,34.5", ",100", "100,", "1,,000", "1 000", "1,000.000,00"]) {
      expect(keyOf(() => parseYuan(text)), text).toBe("validation.amount.format");
    }
  });

  it("refuses every other shape a number can take in JavaScript", () => {
    for (const text of ["0x10", "1e3", "1E3", "+5", ".5", "12.", "1.2.3", "Infinity", "NaN", "007", "00.5", "12abc", "¥¥5", "5¥", "１e３"]) {
      expect(keyOf(() => parseYuan(text)), text).toBe("validation.amount.format");
    }
  });

  it("refuses look-alike digits that NFKC would turn into ASCII (superscripts, mathematical, other scripts)", () => {
    for (const text of ["1²", "¹⁰⁰", "𝟏𝟎𝟎", "١٢", "१२", "①"]) {
      expect(keyOf(() => parseYuan(text)), text).toBe("validation.amount.format");
    }
  });

  it("refuses each kind of bad input with its own message", () => {
    expect(keyOf(() => parseYuan(""))).toBe("validation.amount.required");
    expect(keyOf(() => parseYuan("  ¥ "))).toBe("validation.amount.required");
    expect(keyOf(() => parseYuan("-5"))).toBe("validation.amount.positive");
    expect(keyOf(() => parseYuan("−5"))).toBe("validation.amount.positive");
    expect(keyOf(() => parseYuan("0"))).toBe("validation.amount.positive");
    expect(keyOf(() => parseYuan("0.00"))).toBe("validation.amount.positive");
    expect(keyOf(() => parseYuan("1.234"))).toBe("validation.amount.decimals");
    expect(keyOf(() => parseYuan("1,234.567"))).toBe("validation.amount.decimals");
    expect(keyOf(() => parseYuan("1000000.01"))).toBe("validation.amount.max");
  });

  it("says what the limit is when an amount is too large", () => {
    try {
      parseYuan("200", { max: 10_000n });
      expect.unreachable();
    } catch (error) {
      expect((error as DomainError).params).toEqual({ max: "¥100.00" });
    }
  });

  it("accepts zero where zero is allowed, and then refuses a negative amount as '0 or more', not 'greater than 0'", () => {
    expect(parseYuan("0", { allowZero: true })).toBe(0n);
    expect(parseYuan("0.00", { allowZero: true })).toBe(0n);
    for (const text of ["-1", "−1", "－１", "-0.5", "¥-3"]) {
      expect(keyOf(() => parseYuan(text, { allowZero: true })), text).toBe("validation.amount.notNegative");
    }
  });

  it("round-trips every amount through the one formatter and through its plain yuan text", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: MAX_AMOUNT_FEN }), (fen) => {
        expect(parseYuan(formatFen(fen))).toBe(fen);
        expect(parseYuan(fenToYuanString(fen))).toBe(fen);
      }),
    );
    expect(parseYuan(formatFen(0n), { allowZero: true })).toBe(0n);
  });

  it("reads every permitted writing of an amount (grouping, decimals, yuan sign, spaces, full width) as that amount", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: MAX_AMOUNT_FEN }),
        fc.nat(),
        fc.constantFrom("", "¥", "￥", "¥ "),
        fc.constantFrom("", " ", "\u3000", "\t"),
        fc.boolean(),
        (fen, pick, sign, space, fullWidth) => {
          const writings = [...writingsOf(fen)];
          const number = writings[pick % writings.length];
          const text = `${space}${sign}${fullWidth ? toFullWidth(number) : number}${space}`;
          expect(parseYuan(text)).toBe(fen);
        },
      ),
    );
  });

  it("never reads junk as a number: whatever it accepts is one of that number's permitted writings", () => {
    const alphabet = fc.constantFrom(..."0123456789０１９,.，．¥￥ -−+eExX_'\u3000abc²١\u0000".split(""));
    const junk = fc.oneof(fc.string({ unit: alphabet, maxLength: 14 }), fc.string({ maxLength: 14 }), fc.string({ unit: "grapheme", maxLength: 10 }));
    fc.assert(
      fc.property(junk, (text) => {
        let fen: bigint;
        try {
          fen = parseYuan(text, { max: 10n ** 30n });
        } catch (error) {
          expect(error).toBeInstanceOf(DomainError);
          return;
        }
        expect(fen > 0n).toBe(true);
        expect(writingsOf(fen).has(normalised(text)), JSON.stringify(text)).toBe(true);
      }),
      { numRuns: 5_000 },
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
