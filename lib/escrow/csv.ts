import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { fenToYuanString } from "@/lib/money/fen";
import { listMerchantOrders, type MerchantOrderFilters } from "./queries";

const cell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
const row = (values: string[]) => `${values.map(cell).join(",")}\r\n`;

/**
 * The merchant's filtered orders as CSV, streamed a page at a time (never all rows in memory), with a UTF-8
 * byte order mark so Excel reads Chinese correctly. Times are ISO 8601 in platform time (+08:00).
 */
export function merchantOrdersCsv(db: PrismaClient, actor: Actor, filters: MerchantOrderFilters, headings: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: string | undefined;
  let started = false;
  let done = false;
  const time = (d: Date | null) => (d ? new Date(d.getTime() + 8 * 3_600_000).toISOString().replace("Z", "+08:00").replace(".000", "") : "");
  return new ReadableStream({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`\uFEFF${row(headings)}`));
        return;
      }
      if (done) return controller.close();
      const page = await listMerchantOrders(db, actor, filters, { cursor, limit: 500 });
      const text = page.orders
        .map((o) =>
          row([
            o.orderNo,
            time(o.createdAt),
            o.status,
            o.buyer?.email ?? o.buyerContact ?? "",
            fenToYuanString(o.totalFen),
            fenToYuanString(o.refundedFen),
            o.feeFen != null ? fenToYuanString(o.feeFen) : "",
            o.netFen != null ? fenToYuanString(o.netFen) : "",
            time(o.paidAt),
            time(o.shippedAt),
            time(o.completedAt),
          ]),
        )
        .join("");
      if (text) controller.enqueue(encoder.encode(text));
      cursor = page.nextCursor ?? undefined;
      if (!page.nextCursor) done = true;
    },
  });
}
