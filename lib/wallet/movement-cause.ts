import type { Movement } from "@/lib/ledger/statement";

/**
 * What caused a wallet movement, from its journal: the escrow order it belongs to (journals.order_id) and the
 * journal's reference ("card:****0007", "bank:****1234", "dispute:<id>", "journal:<id>"). The wallet shows it
 * as words and a link to the page the viewer can open.
 */
export type MovementCause =
  /** Paid into, refunded from or released out of an escrow order. */
  | { type: "order"; orderId: string; orderNo: string }
  /** The reserve withheld at an order's release, moved to the wallet after the reserve period. */
  | { type: "reserve"; orderId: string; orderNo: string }
  /** A dispute's refund or after-sale claim (older dispute refunds name only their order). */
  | { type: "dispute"; disputeId: string | null; orderId: string | null; orderNo: string | null }
  | { type: "card"; last4: string }
  | { type: "bank"; last4: string }
  | { type: "reversal"; journalId: string }
  | { type: "other"; reference: string | null };

const DISPUTE_KINDS = new Set(["DISPUTE_REFUND", "DISPUTE_CLAIM"]);

export function movementCause(m: Pick<Movement, "kind" | "reference" | "orderId" | "orderNo">): MovementCause {
  const [prefix, ...rest] = (m.reference ?? "").split(":");
  const detail = rest.join(":");
  const order = m.orderId && m.orderNo ? { orderId: m.orderId, orderNo: m.orderNo } : null;
  if (DISPUTE_KINDS.has(m.kind) || prefix === "dispute") {
    return { type: "dispute", disputeId: prefix === "dispute" && detail ? detail : null, orderId: m.orderId, orderNo: m.orderNo };
  }
  if (m.kind === "RESERVE_RELEASE" && order) return { type: "reserve", ...order };
  if (order) return { type: "order", ...order };
  if (prefix === "card") return { type: "card", last4: detail.replace(/^\*+/, "") };
  if (prefix === "bank") return { type: "bank", last4: detail.replace(/^\*+/, "") };
  if (prefix === "journal" && /^\d+$/.test(detail)) return { type: "reversal", journalId: detail };
  return { type: "other", reference: m.reference };
}

/**
 * The page a cause links to, in the viewer's own area: a buyer's order or dispute page, a merchant's. The
 * movement is on the viewer's own wallet, so the order or dispute is theirs; the page checks it again.
 */
export function causeHref(cause: MovementCause, role: "BUYER" | "MERCHANT"): string | null {
  const area = role === "BUYER" ? "/buyer" : "/merchant";
  switch (cause.type) {
    case "order":
    case "reserve":
      return `${area}/orders/${encodeURIComponent(cause.orderId)}`;
    case "dispute":
      if (cause.disputeId) return `${area}/disputes/${encodeURIComponent(cause.disputeId)}`;
      return cause.orderId ? `${area}/orders/${encodeURIComponent(cause.orderId)}` : null;
    default:
      return null;
  }
}
