import type { Role } from "@/lib/generated/prisma/enums";

type Params = Record<string, unknown>;

const id = (value: unknown) => (typeof value === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(value) ? value : null);
const areaOf = (role: Role) => (role === "MERCHANT" ? "merchant" : role === "ADMIN" ? "admin" : "buyer");

/**
 * The page a notification or an email is about, as a path of the portal, for a reader with `role`: the order,
 * the dispute, or the merchant's application. Null when there is nothing to open (an old notification that
 * did not record its target gets the list it belongs to instead).
 */
export function notificationHref(kind: string, params: Params, role: Role): string | null {
  const area = areaOf(role);
  if (kind.startsWith("order.")) {
    const orderId = id(params.orderId);
    return role === "ADMIN" ? null : orderId ? `/${area}/orders/${orderId}` : `/${area}/orders`;
  }
  if (kind.startsWith("dispute.")) {
    const disputeId = id(params.disputeId);
    return disputeId ? `/${area}/disputes/${disputeId}` : `/${area}/disputes`;
  }
  if (kind.startsWith("credit.")) {
    const loanId = id(params.loanId);
    return role !== "MERCHANT" ? null : loanId ? `/merchant/credit/loans/${loanId}` : "/merchant/credit";
  }
  if (kind === "merchant.needsInfo") return "/merchant/onboarding?step=5";
  if (kind.startsWith("merchant.")) return "/merchant";
  return null;
}
