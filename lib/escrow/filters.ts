import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { calendarDay, oneOf, opaqueCursor, searchText, type SearchValues } from "@/lib/http/search-params";
import { ORDER_SORTS, type MerchantOrderFilters } from "./queries";

export const ORDER_STATUSES = ["CREATED", "PAID", "SHIPPED", "DISPUTED", "COMPLETED", "CANCELLED", "REFUNDED"] as const satisfies readonly OrderStatus[];

/** The query parameters of the orders page and of its CSV export (lib/http/search-params.ts). */
export const ORDER_QUERY = {
  status: oneOf(ORDER_STATUSES),
  from: calendarDay,
  to: calendarDay,
  q: searchText(100),
  sort: oneOf(ORDER_SORTS),
  cursor: opaqueCursor,
};
export type OrderQuery = SearchValues<typeof ORDER_QUERY>;

/** A day (yyyy-mm-dd, already checked) in platform time → its first instant. */
function shanghaiDay(value: string | undefined, plusDays = 0): Date | undefined {
  if (!value) return undefined;
  return new Date(new Date(`${value}T00:00:00+08:00`).getTime() + plusDays * 86_400_000);
}

/** Parsed query → the filters of listMerchantOrders; `to` includes its whole day. */
export function toOrderFilters(query: OrderQuery): MerchantOrderFilters {
  return { status: query.status, from: shanghaiDay(query.from), to: shanghaiDay(query.to, 1), q: query.q, sort: query.sort };
}

/** A range that ends before it starts (from > to) finds nothing by definition: the page says so instead. */
export function isReversedRange(query: Pick<OrderQuery, "from" | "to">): boolean {
  return Boolean(query.from && query.to && query.from > query.to);
}
