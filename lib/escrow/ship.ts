import { z } from "zod";
import { assertRole, type Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { getSetting } from "@/lib/settings/settings";
import { type Clock, DAY, systemClock } from "@/lib/time/clock";
import { singleLine } from "@/lib/validation/text";
import { getOrderForMerchantOrThrow } from "./lookup";
import { orderStates } from "./states";

export const CARRIERS = ["SF", "ZTO", "YTO", "STO", "YUNDA", "JD", "EMS", "OTHER"] as const;

export const shipSchema = z.object({
  carrier: z.enum(CARRIERS, { error: "validation.carrier" }),
  trackingNo: singleLine({ max: 30, required: "validation.trackingNo", tooLong: "validation.trackingNo" }).pipe(
    z.string().regex(/^[A-Za-z0-9-]{6,30}$/, { error: "validation.trackingNo" }),
  ),
});

/**
 * PAID → SHIPPED; starts the auto-confirm clock. One guarded statement changes the order (only the merchant's
 * own, only if still PAID) and writes the timeline entry; the caller schedules the auto-confirm job at
 * `autoConfirmAt`. When nothing changed, a lookup tells which error it is.
 */
export async function shipOrder(tx: Db, actor: Actor, orderId: string, raw: z.input<typeof shipSchema>, clock: Clock = systemClock) {
  const input = shipSchema.parse(raw);
  assertRole(actor, ["MERCHANT"]);
  const now = clock.now();
  const autoConfirmAt = new Date(now.getTime() + (await getSetting("order.autoConfirmDays")) * DAY);
  const [shipped] = await tx.$queryRaw<{ id: string }[]>`
    WITH s AS (
      UPDATE orders o SET status = 'SHIPPED', shipped_at = ${now}, carrier = ${input.carrier}, tracking_no = ${input.trackingNo},
                          auto_confirm_at = ${autoConfirmAt}, updated_at = ${now}
        FROM merchants m
       WHERE o.id = ${orderId} AND o.status = 'PAID' AND m.id = o.merchant_id AND m.user_id = ${actor.userId}
      RETURNING o.id
    ), e AS (
      INSERT INTO order_events (order_id, type, actor_id, data, created_at)
      SELECT id, 'shipped', ${actor.userId}, ${JSON.stringify({ carrier: input.carrier, trackingNo: input.trackingNo })}::jsonb, ${now} FROM s
    )
    SELECT id FROM s`;
  if (!shipped) {
    const order = await getOrderForMerchantOrThrow(tx, actor, orderId);
    orderStates.assert(order.status, "SHIPPED");
    throw new DomainError("invalid_transition", { params: { machine: "order", from: order.status, to: "SHIPPED" } });
  }
  return { orderId, autoConfirmAt };
}
