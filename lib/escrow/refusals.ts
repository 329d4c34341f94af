import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { MoneyRefusal } from "@/lib/db/money-call";
import { DomainError } from "@/lib/errors/domain-error";
import { orderStates } from "./states";

/**
 * The escrow functions' refusals (prisma/migrations/*_money_functions) in the user's terms. Another buyer's
 * order looks exactly like a missing one.
 */
export function explainRefusal(error: unknown): unknown {
  if (!(error instanceof MoneyRefusal)) return error;
  switch (error.code) {
    case "not_found":
      return new DomainError("not_found");
    case "order_expired":
      return new DomainError("invalid_transition", { messageKey: "errors.order_expired" });
    case "order_closed":
      return new DomainError("invalid_transition", { messageKey: "errors.order_closed" });
    case "order_already_paid":
      return new DomainError("invalid_transition", { messageKey: "errors.order_already_paid" });
    case "not_released": {
      // A state the order can never complete from says so; one it could (it moved on meanwhile) is a change.
      const status = error.detail as OrderStatus;
      if (!orderStates.can(status, "COMPLETED")) return orderStates.refusal(status, "COMPLETED");
      return new DomainError("invalid_transition", { messageKey: "errors.order_changed" });
    }
    default:
      return error;
  }
}
