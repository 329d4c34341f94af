import { randomBytes } from "node:crypto";
import { z } from "zod";
import { assertRole, type Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { MAX_AMOUNT_FEN } from "@/lib/money/fen";
import { getSetting } from "@/lib/settings/settings";
import { type Clock, HOUR, systemClock } from "@/lib/time/clock";
import { yuanAmount } from "@/lib/wallet/schemas";
import { addOrderEvent } from "./events";

/** Shipping may be left empty or zero; otherwise it is a yuan amount like any other. */
const optionalYuan = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (!v || /^\s*0*(\.0*)?\s*$/.test(v)) return 0n;
    const parsed = yuanAmount.safeParse(v);
    if (!parsed.success) {
      ctx.addIssue({ code: "custom", message: parsed.error.issues[0].message });
      return z.NEVER;
    }
    return parsed.data;
  });

export const createOrderSchema = z.object({
  lines: z
    .array(
      z.object({
        name: z.string().trim().min(1, { error: "validation.required" }).max(100, { error: "validation.tooLong" }),
        quantity: z.coerce.number({ error: "validation.quantity" }).int({ error: "validation.quantity" }).min(1, { error: "validation.quantity" }).max(10_000, { error: "validation.quantity" }),
        unitPrice: yuanAmount,
      }),
    )
    .min(1, { error: "validation.lines" })
    .max(50, { error: "validation.lines" }),
  shipping: optionalYuan,
  note: z.string().trim().max(500, { error: "validation.tooLong" }).optional(),
  buyerContact: z.string().trim().max(100, { error: "validation.tooLong" }).optional(),
});
export type CreateOrderInput = z.input<typeof createOrderSchema>;

/** yyyymmdd (platform time) + an 8-digit counter from a sequence. */
async function nextOrderNo(tx: Tx, now: Date) {
  const [{ n }] = await tx.$queryRaw<{ n: bigint }[]>`SELECT nextval('order_no_seq') AS n`;
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(now).replaceAll("-", "");
  return `${day}${n.toString().padStart(8, "0")}`;
}

/** An approved merchant creates an order; every amount is computed here from the lines. */
export async function createOrder(tx: Tx, actor: Actor, raw: CreateOrderInput, clock: Clock = systemClock) {
  assertRole(actor, ["MERCHANT"]);
  const input = createOrderSchema.parse(raw);
  const merchant = await tx.merchant.findUnique({ where: { userId: actor.userId } });
  if (!merchant || merchant.status !== "APPROVED") throw new DomainError("merchant_not_approved");
  const lines = input.lines.map((l) => ({ name: l.name, quantity: l.quantity, unitPriceFen: l.unitPrice, amountFen: l.unitPrice * BigInt(l.quantity) }));
  const subtotal = lines.reduce((s, l) => s + l.amountFen, 0n);
  const shipping = input.shipping ?? 0n;
  const total = subtotal + shipping;
  if (total <= 0n || total > MAX_AMOUNT_FEN) throw new DomainError("invalid_amount", { messageKey: "validation.orderTotal" });
  const now = clock.now();
  const order = await tx.order.create({
    data: {
      orderNo: await nextOrderNo(tx, now),
      merchantId: merchant.id,
      subtotalFen: subtotal,
      shippingFen: shipping,
      totalFen: total,
      note: input.note || null,
      buyerContact: input.buyerContact || null,
      payToken: randomBytes(24).toString("base64url"),
      expiresAt: new Date(now.getTime() + (await getSetting(tx, "order.unpaidExpiryHours")) * HOUR),
      createdAt: now,
      lines: { create: lines },
    },
  });
  await addOrderEvent(tx, order.id, "created", actor.userId, { total: total.toString() });
  return order;
}
