import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { ORDER_SORTS, type MerchantOrderFilters, type OrderSort } from "./queries";

const STATUSES: OrderStatus[] = ["CREATED", "PAID", "SHIPPED", "DISPUTED", "COMPLETED", "CANCELLED", "REFUNDED"];

/** A day (yyyy-mm-dd) in platform time → its first instant. */
function shanghaiDay(value: string | undefined, plusDays = 0): Date | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00+08:00`);
  if (Number.isNaN(date.getTime())) return undefined;
  return new Date(date.getTime() + plusDays * 86_400_000);
}

/** Reads order filters from a URL's search parameters; anything unknown is ignored. */
export function parseOrderFilters(params: Record<string, string | undefined>): MerchantOrderFilters {
  return {
    status: STATUSES.includes(params.status as OrderStatus) ? (params.status as OrderStatus) : undefined,
    from: shanghaiDay(params.from),
    to: shanghaiDay(params.to, 1),
    q: params.q?.slice(0, 100) || undefined,
    sort: ORDER_SORTS.includes(params.sort as OrderSort) ? (params.sort as OrderSort) : undefined,
  };
}

export const ORDER_STATUSES = STATUSES;
