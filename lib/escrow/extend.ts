import { assertRole, type Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { getSetting } from "@/lib/settings/settings";
import { type Clock, DAY, systemClock } from "@/lib/time/clock";
import { addOrderEvent } from "./events";
import { getOrderForBuyerOrThrow } from "./lookup";

/** The buyer may push the auto-confirm deadline back once, before it passes. */
export async function extendAutoConfirm(tx: Tx, actor: Actor, orderId: string, clock: Clock = systemClock) {
  assertRole(actor, ["BUYER"]);
  const order = await getOrderForBuyerOrThrow(tx, actor, orderId);
  const now = clock.now();
  if (order.status !== "SHIPPED" || !order.autoConfirmAt) throw new DomainError("invalid_transition", { messageKey: "errors.order_not_shipped" });
  if (order.extended) throw new DomainError("invalid_transition", { messageKey: "errors.already_extended" });
  if (order.autoConfirmAt <= now) throw new DomainError("invalid_transition", { messageKey: "errors.deadline_passed" });
  const autoConfirmAt = new Date(order.autoConfirmAt.getTime() + (await getSetting("order.extendDays")) * DAY);
  const updated = await tx.order.updateMany({
    where: { id: order.id, status: "SHIPPED", extended: false, autoConfirmAt: { gt: now } },
    data: { autoConfirmAt, extended: true },
  });
  if (updated.count !== 1) throw new DomainError("invalid_transition", { messageKey: "errors.order_changed" });
  await addOrderEvent(tx, order.id, "extended", actor.userId, { autoConfirmAt: autoConfirmAt.toISOString() });
  return { orderId: order.id, autoConfirmAt };
}
