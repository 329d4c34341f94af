import { randomBytes, randomUUID } from "node:crypto";
import { z } from "zod";
import { assertRole, type Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { MAX_AMOUNT_FEN } from "@/lib/money/fen";
import { getSetting } from "@/lib/settings/settings";
import { type Clock, HOUR, systemClock } from "@/lib/time/clock";
import { wholeNumber } from "@/lib/validation/number";
import { singleLine } from "@/lib/validation/text";
import { yuan, yuanAmount } from "@/lib/wallet/schemas";
import { MAX_LINE_QUANTITY, MAX_ORDER_LINES } from "./limits";

/** Shipping may be left empty or zero (never negative); otherwise it is a yuan amount like any other. */
const shippingYuan = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? "0" : v))
  .pipe(yuan({ allowZero: true }));

export const createOrderSchema = z.object({
  lines: z
    .array(
      z.object({
        name: singleLine({ max: 100, required: "validation.required" }),
        quantity: wholeNumber({ min: 1, max: MAX_LINE_QUANTITY, error: "validation.quantity" }),
        unitPrice: yuanAmount,
      }),
    )
    .min(1, { error: "validation.lines.required" })
    .max(MAX_ORDER_LINES, { error: "validation.lines.tooMany" }),
  shipping: shippingYuan,
  note: singleLine({ max: 500 }).optional(),
  buyerContact: singleLine({ max: 100 }).optional(),
});
export type CreateOrderInput = z.input<typeof createOrderSchema>;

/** The platform day (Asia/Shanghai) as yyyymmdd, the prefix of order numbers. */
const platformDay = (now: Date) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(now).replaceAll("-", "");

export type CreatedOrder = {
  id: string;
  orderNo: string;
  status: "CREATED";
  subtotalFen: bigint;
  shippingFen: bigint;
  totalFen: bigint;
  payToken: string;
  expiresAt: Date;
};

/**
 * An approved merchant creates an order; every amount is computed here from the lines. The order (numbered
 * from a sequence: platform day + 8-digit counter), its lines and its first timeline entry are written in one
 * statement, which also checks that the merchant is approved: it needs no transaction around it.
 */
export async function createOrder(tx: Db, actor: Actor, raw: CreateOrderInput, clock: Clock = systemClock): Promise<CreatedOrder> {
  assertRole(actor, ["MERCHANT"]);
  const input = createOrderSchema.parse(raw);
  const lines = input.lines.map((l) => ({ name: l.name, quantity: l.quantity, unitPriceFen: l.unitPrice, amountFen: l.unitPrice * BigInt(l.quantity) }));
  const subtotal = lines.reduce((s, l) => s + l.amountFen, 0n);
  const shipping = input.shipping ?? 0n;
  const total = subtotal + shipping;
  if (total <= 0n || total > MAX_AMOUNT_FEN) throw new DomainError("invalid_amount", { messageKey: "validation.orderTotal" });
  const now = clock.now();
  const id = randomUUID();
  const payToken = randomBytes(24).toString("base64url");
  const expiresAt = new Date(now.getTime() + (await getSetting("order.unpaidExpiryHours")) * HOUR);
  const [order] = await tx.$queryRaw<{ order_no: string }[]>`
    WITH m AS (
      SELECT id FROM merchants WHERE user_id = ${actor.userId} AND status = 'APPROVED'
    ), o AS (
      INSERT INTO orders (id, order_no, merchant_id, subtotal_fen, shipping_fen, total_fen, note, buyer_contact, pay_token, expires_at, created_at, updated_at)
      SELECT ${id}, ${platformDay(now)} || lpad(nextval('order_no_seq')::text, 8, '0'), m.id, ${subtotal}, ${shipping}, ${total},
             ${input.note || null}, ${input.buyerContact || null}, ${payToken}, ${expiresAt}, ${now}, ${now} FROM m
      RETURNING id, order_no
    ), l AS (
      INSERT INTO order_lines (order_id, name, quantity, unit_price_fen, amount_fen)
      SELECT o.id, x.name, x.quantity, x.unit_price, x.amount
        FROM o, unnest(${lines.map((l) => l.name)}::text[], ${lines.map((l) => l.quantity)}::int[],
                       ${lines.map((l) => l.unitPriceFen.toString())}::bigint[], ${lines.map((l) => l.amountFen.toString())}::bigint[])
             WITH ORDINALITY AS x(name, quantity, unit_price, amount, n)
       ORDER BY x.n
    ), e AS (
      INSERT INTO order_events (order_id, type, actor_id, data, created_at)
      SELECT o.id, 'created', ${actor.userId}, ${JSON.stringify({ total: total.toString() })}::jsonb, ${now} FROM o
    )
    SELECT order_no FROM o`;
  if (!order) {
    // Not approved: a suspended merchant is told that, not to finish an onboarding it finished long ago.
    const suspended = await tx.merchant.count({ where: { userId: actor.userId, status: "SUSPENDED" } });
    throw new DomainError("merchant_not_approved", suspended ? { messageKey: "errors.merchant_suspended" } : {});
  }
  return { id, orderNo: order.order_no, status: "CREATED", subtotalFen: subtotal, shippingFen: shipping, totalFen: total, payToken, expiresAt };
}
