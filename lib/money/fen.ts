import { DomainError } from "@/lib/errors/domain-error";

/** Money is an integer count of fen (1 CNY = 100 fen), as BigInt, everywhere. */
export type Fen = bigint;

/** The largest amount a single request may move: 1,000,000.00 CNY. */
export const MAX_AMOUNT_FEN: Fen = 100_000_000n;

const YUAN_PATTERN = /^(0|[1-9]\d{0,8})(\.\d{1,2})?$/;

/**
 * Parses what a person typed in yuan ("12", "12.5", "1,234.56") into fen, without ever going through a
 * float. Positive, at most two decimals, at most `max`. Anything else is a DomainError naming the rule.
 */
export function parseYuan(input: string, max: Fen = MAX_AMOUNT_FEN): Fen {
  const text = input.trim().replace(/[,，\s]/g, "").replace(/^[¥￥]/, "");
  if (text === "") throw new DomainError("invalid_amount", { messageKey: "validation.amount.required" });
  if (/^-/.test(text)) throw new DomainError("invalid_amount", { messageKey: "validation.amount.positive" });
  if (/^\d+\.\d{3,}$/.test(text)) throw new DomainError("invalid_amount", { messageKey: "validation.amount.decimals" });
  if (!YUAN_PATTERN.test(text)) throw new DomainError("invalid_amount", { messageKey: "validation.amount.format" });
  const [whole, fraction = ""] = text.split(".");
  const fen = BigInt(whole) * 100n + BigInt((fraction + "00").slice(0, 2));
  if (fen <= 0n) throw new DomainError("invalid_amount", { messageKey: "validation.amount.positive" });
  if (fen > max) throw new DomainError("invalid_amount", { messageKey: "validation.amount.max", params: { max: formatFen(max) } });
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
