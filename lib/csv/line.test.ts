import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readText } from "@/tests/csv";
import type { CsvCell } from "./cell-policy";
import { amount, identifier } from "./cell-policy";
import { BOM, csvLine } from "./line";
import { csvStream } from "./stream";

const text = fc.string({ unit: fc.oneof(fc.constantFrom(",", '"', "\r", "\n", "\t", "=", "+", "-", "@", " ", "\u202e", "＝"), fc.string({ minLength: 1, maxLength: 1 }), fc.constantFrom("钱", "包")) });
const cell: fc.Arbitrary<CsvCell> = fc.oneof(text, fc.constant(null), text.map((s) => identifier(s)), fc.bigInt({ min: -1_000_000_000_000n, max: 1_000_000_000_000n }).map((f) => amount(f)));

describe("csvLine", () => {
  it("writes exactly what the csv-stringify writer writes, for any cells (quotes, commas, line breaks, formulas, bidi controls)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(cell, { maxLength: 6 }), fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 5 }), async (header, rows) => {
        async function* source() {
          for (const r of rows) yield r;
        }
        const expected = await readText(csvStream(header, source()));
        const actual = BOM + csvLine(header) + rows.map(csvLine).join("");
        expect(actual).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});
