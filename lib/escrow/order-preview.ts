import { isDomainError } from "@/lib/errors/domain-error";
import { MAX_AMOUNT_FEN, parseYuan, type Fen } from "@/lib/money/fen";
import { parseWholeNumber } from "@/lib/validation/number";
import { MAX_LINE_QUANTITY } from "./limits";
import { splitRelease } from "./release-split";

export type PreviewLine = { name: string; quantity: string; unitPrice: string };
export type Pricing = { feeRateBps: number; reserveRateBps: number };

export type OrderPreview = {
  subtotalFen: Fen;
  shippingFen: Fen;
  totalFen: Fen;
  /** What the merchant keeps if the whole total is released: fee half up, reserve down (release-split.ts). */
  feeFen: Fen;
  reserveFen: Fen;
  netFen: Fen;
  /** 1-based numbers of the lines whose quantity or price cannot be read yet; they are left out of the sums. */
  unreadable: number[];
  shippingUnreadable: boolean;
  /** The total is above what one order may be: the server will refuse it. */
  tooLarge: boolean;
};

const tryYuan = (text: string, allowZero = false): Fen | null => {
  try {
    return parseYuan(text, { allowZero });
  } catch (error) {
    if (isDomainError(error)) return null;
    throw error;
  }
};

/**
 * The running totals the new-order form shows while the merchant types, read with the same parsers as the
 * server (parseYuan, parseWholeNumber) and split with the same rounding as the release. Only a preview: the
 * server computes everything again on submit. Rows left empty are ignored and an empty quantity counts as 1,
 * as the form's parser does (app/merchant/orders/actions.ts).
 */
export function previewOrder(lines: PreviewLine[], shipping: string, pricing: Pricing): OrderPreview {
  let subtotal = 0n;
  const unreadable: number[] = [];
  lines.forEach((line, index) => {
    if (!line.name.trim() && !line.unitPrice.trim()) return;
    const quantity = parseWholeNumber(line.quantity.trim() === "" ? "1" : line.quantity);
    const price = tryYuan(line.unitPrice);
    if (quantity === null || quantity < 1 || quantity > MAX_LINE_QUANTITY || price === null) {
      unreadable.push(index + 1);
      return;
    }
    subtotal += price * BigInt(quantity);
  });
  const shippingFen = shipping.trim() === "" ? 0n : tryYuan(shipping, true);
  const shippingOk = shippingFen ?? 0n;
  const total = subtotal + shippingOk;
  const { fee, reserve, net } = splitRelease(total, pricing.feeRateBps, pricing.reserveRateBps);
  return {
    subtotalFen: subtotal,
    shippingFen: shippingOk,
    totalFen: total,
    feeFen: fee,
    reserveFen: reserve,
    netFen: net,
    unreadable,
    shippingUnreadable: shippingFen === null,
    tooLarge: total > MAX_AMOUNT_FEN,
  };
}
