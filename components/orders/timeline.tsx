import { getLocale, getTranslations } from "next-intl/server";
import type { OrderEvent } from "@/lib/generated/prisma/client";
import { formatFen } from "@/lib/money/fen";
import { formatDateTime } from "@/lib/time/format";

const money = (v: unknown) => (typeof v === "string" && /^-?\d+$/.test(v) ? formatFen(BigInt(v)) : "");

/** Every event of an order, oldest first, in the reader's language. */
export async function OrderTimeline({ events }: { events: OrderEvent[] }) {
  const t = await getTranslations("orderEvents");
  const tCarrier = await getTranslations("carriers");
  const locale = await getLocale();
  return (
    <ol className="space-y-3 text-sm" data-testid="order-timeline">
      {events.map((e) => {
        const d = (e.data ?? {}) as Record<string, string>;
        const values = {
          amount: money(d.amount),
          total: money(d.total),
          net: money(d.net),
          fee: money(d.fee),
          reserve: money(d.reserve),
          carrier: d.carrier ? tCarrier(d.carrier as never) : "",
          trackingNo: d.trackingNo ?? "",
          date: d.autoConfirmAt ? formatDateTime(new Date(d.autoConfirmAt), locale) : "",
          fromFund: money(d.fromFund),
          fromWallet: money(d.fromWallet),
        };
        // A payment that drew on the fund says how much came from where (escrow_pay writes fromFund/fromWallet).
        const type = e.type === "paid" && d.fromFund ? (d.fromWallet && d.fromWallet !== "0" ? "paid_split" : "paid_fund") : e.type;
        return (
          <li key={e.id.toString()} className="border-l-2 border-brand-300 pl-3">
            <span className="block text-xs text-slate-500">{formatDateTime(e.createdAt, locale)}</span>
            {t.has(type as never) ? t(type as never, values as never) : e.type}
          </li>
        );
      })}
    </ol>
  );
}
