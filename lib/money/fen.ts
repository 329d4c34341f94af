import { DomainError } from "@/lib/errors/domain-error";

/** Money is an integer count of fen (1 CNY = 100 fen), as BigInt, everywhere. */
export type Fen = bigint;

/** The largest amount a single request may move: 1,000,000.00 CNY. */
export const MAX_AMOUNT_FEN: Fen = 100_000_000n;

/**
 * The characters an amount may be typed with: ASCII and full-width digits, the decimal point and the
 * thousands separator (both also full-width), the yuan sign (¥ or ￥), spaces and a minus sign (which only
 * earns its own message). Anything else is refused before normalising, so NFKC cannot turn "²" or "𝟏" into a
 * digit.
 */
const AMOUNT_CHARACTERS = /^[\s0-9\uFF10-\uFF19.,\uFF0E\uFF0C\u00A5\uFFE5\-\u2212\uFF0D]*$/;
/** Digits, thousands separators only every three digits from the point (1,234,567), up to two decimals. */
const YUAN_PATTERN = /^(0|[1-9]\d*|[1-9]\d{0,2}(?:,\d{3})+)(?:\.(\d+))?$/;

/**
 * What a person typed, normalised: full-width forms become ASCII (NFKC), surrounding spaces go, and one
 * leading yuan sign is dropped. Returns null when a character outside the amount alphabet appears.
 */
export function normaliseNumberText(input: string, allowed: RegExp = AMOUNT_CHARACTERS): string | null {
  if (!allowed.test(input)) return null;
  return input.normalize("NFKC").trim().replace(/^\u00A5\s*/, "");
}

export type ParseYuanOptions = {
  /** The largest amount accepted (default MAX_AMOUNT_FEN). */
  max?: Fen;
  /** Zero is a valid answer (shipping): then only a negative amount is refused, with "0 or more". */
  allowZero?: boolean;
};

const refuse = (messageKey: string, params?: Record<string, string>) => new DomainError("invalid_amount", { messageKey, params });

/**
 * Parses what a person typed in yuan into fen, without ever going through a float. Accepted: digits with an
 * optional decimal point and at most two decimals, thousands separators only in their places
 * ("1,234,567.89"), an optional leading ¥/￥, full-width digits and point, surrounding spaces. Anything else
 * ("1,00", "5 0", "1e3", "0x10", ".5") is a DomainError whose message key names the rule broken.
 */
export function parseYuan(input: string, options: ParseYuanOptions = {}): Fen {
  const max = options.max ?? MAX_AMOUNT_FEN;
  const text = normaliseNumberText(input);
  if (text === null) throw refuse("validation.amount.format");
  if (text === "") throw refuse("validation.amount.required");
  if (/^[-\u2212]/.test(text)) throw refuse(options.allowZero ? "validation.amount.notNegative" : "validation.amount.positive");
  const match = YUAN_PATTERN.exec(text);
  if (!match) throw refuse("validation.amount.format");
  const [, whole, fraction = ""] = match;
  if (fraction.length > 2) throw refuse("validation.amount.decimals");
  const fen = BigInt(whole.replaceAll(",", "")) * 100n + BigInt((fraction + "00").slice(0, 2));
  if (fen === 0n && !options.allowZero) throw refuse("validation.amount.positive");
  if (fen > max) throw refuse("validation.amount.max", { max: formatFen(max) });
  return fen;
}

/** The one money formatter: ¥1,234.56 (negative: -¥1,234.56). Grouping is the same in zh-CN and en. */
export function formatFen(fen: Fen): string {
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const cents = (abs % 100n).toString().padStart(2, "0");
  return `${negative ? "-" : ""}¥${whole}.${cents}`;
}

/** Plain yuan text for CSV and inputs: 1234.56 */
export function fenToYuanString(fen: Fen): string {
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  return `${negative ? "-" : ""}${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
}
