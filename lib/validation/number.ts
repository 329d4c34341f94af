import { z } from "zod";
import { normaliseNumberText } from "@/lib/money/fen";

const WHOLE_NUMBER_CHARACTERS = /^[\s0-9\uFF10-\uFF19,\uFF0C]*$/;
const WHOLE_NUMBER = /^(0|[1-9]\d*|[1-9]\d{0,2}(?:,\d{3})+)$/;

/**
 * A whole number typed by a person (a quantity): digits, thousands separators only in their places, full-width
 * digits, surrounding spaces. Not "0x10", "1e3", "1.0" or " 1 2", which Number() would accept or misread.
 */
export function parseWholeNumber(input: string): number | null {
  const text = normaliseNumberText(input, WHOLE_NUMBER_CHARACTERS);
  if (text === null || !WHOLE_NUMBER.test(text)) return null;
  const value = Number(text.replaceAll(",", ""));
  return Number.isSafeInteger(value) ? value : null;
}

/**
 * A whole number in [min, max]; every failure is `error` (a catalog key that states the range). Code (seed,
 * tests, jobs) may pass a number; a form always sends text, which goes through parseWholeNumber.
 */
export const wholeNumber = ({ min, max, error }: { min: number; max: number; error: string }) =>
  // One transform for every input (missing, text, number) so the message always gets its {min} and {max}.
  z.unknown().transform((input, ctx) => {
    const value = typeof input === "number" ? (Number.isSafeInteger(input) ? input : null) : typeof input === "string" ? parseWholeNumber(input) : null;
    if (value === null || value < min || value > max) {
      ctx.addIssue({ code: "custom", message: error, params: { min, max } });
      return z.NEVER;
    }
    return value;
  });
