import { getTranslations } from "next-intl/server";
import type { Order, OrderLine } from "@/lib/generated/prisma/client";
import { Table, Td } from "@/components/ui/table";
import { formatFen } from "@/lib/money/fen";

export async function OrderLinesTable({ order }: { order: Order & { lines: OrderLine[] } }) {
  const t = await getTranslations("orders");
  return (
    <Table caption={t("lines")} head={[t("item"), t("quantity"), t("unitPrice"), t("amount")]} numeric={[1, 2, 3]}>
      {order.lines.map((l) => (
        <tr key={l.id.toString()}>
          <Td>{l.name}</Td>
          <Td className="text-right tabular-nums">{l.quantity}</Td>
          <Td className="text-right tabular-nums">{formatFen(l.unitPriceFen)}</Td>
          <Td className="text-right tabular-nums">{formatFen(l.amountFen)}</Td>
        </tr>
      ))}
      <tr>
        <Td className="text-slate-500">{t("shipping")}</Td>
        <Td> </Td>
        <Td> </Td>
        <Td className="text-right tabular-nums">{formatFen(order.shippingFen)}</Td>
      </tr>
      <tr className="font-semibold">
        <Td>{t("total")}</Td>
        <Td> </Td>
        <Td> </Td>
        <Td className="text-right tabular-nums">
          <span data-testid="order-total">{formatFen(order.totalFen)}</span>
        </Td>
      </tr>
    </Table>
  );
}
