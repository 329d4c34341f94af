import { z } from "zod";
import { assertRole, type Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { getSetting } from "@/lib/settings/settings";
import { type Clock, DAY, systemClock } from "@/lib/time/clock";
import { addOrderEvent } from "./events";
import { getOrderForMerchantOrThrow } from "./lookup";
import { orderStates } from "./states";

export const CARRIERS = ["SF", "ZTO", "YTO", "STO", "YUNDA", "JD", "EMS", "OTHER"] as const;

export const shipSchema = z.object({
  carrier: z.enum(CARRIERS, { error: "validation.carrier" }),
  trackingNo: z.string().trim().regex(/^[A-Za-z0-9-]{6,30}$/, { error: "validation.trackingNo" }),
});

/** PAID → SHIPPED; starts the auto-confirm clock. The caller schedules the auto-confirm job at `autoConfirmAt`. */
export async function shipOrder(tx: Tx, actor: Actor, orderId: string, raw: z.input<typeof shipSchema>, clock: Clock = systemClock) {
  const input = shipSchema.parse(raw);
  assertRole(actor, ["MERCHANT"]);
  const order = await getOrderForMerchantOrThrow(tx, actor, orderId);
  orderStates.assert(order.status, "SHIPPED");
  const now = clock.now();
  const autoConfirmAt = new Date(now.getTime() + (await getSetting(tx, "order.autoConfirmDays")) * DAY);
  const updated = await tx.order.updateMany({
    where: { id: order.id, status: "PAID" },
    data: { status: "SHIPPED", shippedAt: now, carrier: input.carrier, trackingNo: input.trackingNo, autoConfirmAt },
  });
  if (updated.count !== 1) throw new DomainError("invalid_transition", { params: { machine: "order", from: order.status, to: "SHIPPED" } });
  await addOrderEvent(tx, order.id, "shipped", actor.userId, { carrier: input.carrier, trackingNo: input.trackingNo });
  return { orderId: order.id, autoConfirmAt };
}
