import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { amount, type CsvCell, dateTime, identifier } from "@/lib/csv/cell-policy";
import { csvStream } from "@/lib/csv/stream";
import { listMerchantOrders, type MerchantOrderFilters } from "./queries";

/**
 * The columns of the merchant's orders CSV, in order. Amounts reconcile: for a completed order
 * total − refunded − fee − reserve = net (lib/escrow/release-split.ts); fee, reserve and net are empty until
 * the order is released.
 */
export const ORDER_CSV_COLUMNS = [
  "orderNo",
  "createdAt",
  "status",
  "buyer",
  "total",
  "refunded",
  "fee",
  "reserve",
  "net",
  "paidAt",
  "shippedAt",
  "completedAt",
] as const;
export type OrderCsvColumn = (typeof ORDER_CSV_COLUMNS)[number];

/** The words of the file, in the reader's language: column headings and status names. */
export type OrderCsvLabels = { heading: (column: OrderCsvColumn) => string; status: (status: OrderStatus) => string };

const PAGE = 100;

/**
 * The merchant's filtered orders as CSV, streamed a page at a time (never all rows in memory), through the
 * shared writer and cell policy (lib/csv). Times are platform time (Asia/Shanghai), yyyy-MM-dd HH:mm:ss.
 */
export function merchantOrdersCsv(db: PrismaClient, actor: Actor, filters: MerchantOrderFilters, labels: OrderCsvLabels): ReadableStream<Uint8Array> {
  async function* rows(): AsyncGenerator<CsvCell[]> {
    let cursor: string | undefined;
    do {
      const page = await listMerchantOrders(db, actor, filters, { cursor, limit: PAGE });
      for (const o of page.orders) {
        yield [
          identifier(o.orderNo),
          dateTime(o.createdAt),
          labels.status(o.status),
          o.buyer?.email ?? o.buyerContact ?? "",
          amount(o.totalFen),
          amount(o.refundedFen),
          amount(o.feeFen),
          amount(o.reserveFen),
          amount(o.netFen),
          dateTime(o.paidAt),
          dateTime(o.shippedAt),
          dateTime(o.completedAt),
        ];
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  return csvStream(ORDER_CSV_COLUMNS.map(labels.heading), rows());
}
