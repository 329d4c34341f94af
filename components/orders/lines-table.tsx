import { getTranslations } from "next-intl/server";
import type { Order, OrderLine } from "@/lib/generated/prisma/client";
import { Table, Td } from "@/components/ui/table";
import { formatFen } from "@/lib/money/fen";

/** The order's lines, then shipping and the total under them (on a phone too, where the lines become cards). */
export async function OrderLinesTable({ order }: { order: Order & { lines: OrderLine[] } }) {
  const t = await getTranslations("orders");
  return (
    <div className="space-y-3">
      <Table head={[t("item"), t("quantity"), t("unitPrice"), t("amount")]} numeric={[1, 2, 3]} caption={t("lines")}>
        {order.lines.map((l) => (
          <tr key={l.id.toString()}>
            <Td className="font-medium sm:font-normal">{l.name}</Td>
            <Td className="text-right tabular-nums">{l.quantity}</Td>
            <Td className="text-right tabular-nums">{formatFen(l.unitPriceFen)}</Td>
            <Td className="text-right tabular-nums">{formatFen(l.amountFen)}</Td>
          </tr>
        ))}
      </Table>
      <dl className="ml-auto w-full max-w-xs space-y-1 text-sm sm:px-3">
        <div className="flex justify-between gap-4">
          <dt className="text-slate-500">{t("shipping")}</dt>
          <dd className="tabular-nums">{formatFen(order.shippingFen)}</dd>
        </div>
        <div className="flex justify-between gap-4 border-t border-slate-200 pt-1 font-semibold">
          <dt>{t("total")}</dt>
          <dd className="tabular-nums" data-testid="order-total">{formatFen(order.totalFen)}</dd>
        </div>
      </dl>
    </div>
  );
}
