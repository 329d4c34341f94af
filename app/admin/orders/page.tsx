import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { OrderStatusBadge } from "@/components/orders/status-badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { requireAdmin } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { searchOrdersForAdmin } from "@/lib/escrow/admin-orders";
import { ORDER_STATUSES } from "@/lib/escrow/filters";
import { oneOf, opaqueCursor, readSearchParams, searchText, type RawSearchParams } from "@/lib/http/search-params";
import { formatFen } from "@/lib/money/fen";
import { formatDateTime } from "@/lib/time/format";

export async function generateMetadata() {
  return { title: (await getTranslations("adminOrders"))("title") };
}

const input = "rounded-md border border-slate-300 px-2 py-2 text-sm";
const QUERY = { q: searchText(100), status: oneOf(ORDER_STATUSES), cursor: opaqueCursor };

export default async function AdminOrdersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireAdmin("orders.view_all");
  const t = await getTranslations("adminOrders");
  const tOrders = await getTranslations("orders");
  const tStatus = await getTranslations("orderStatus");
  const locale = await getLocale();
  const { q = "", status, cursor } = readSearchParams(await searchParams, QUERY);
  const { orders, nextCursor } = await searchOrdersForAdmin(prisma, user, { q, status, cursor });
  const keep = new URLSearchParams([...(q ? [["q", q]] : []), ...(status ? [["status", status]] : [])]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <form className="mb-4 grid gap-2 sm:grid-cols-4" role="search">
          <input name="q" defaultValue={q} placeholder={t("search")} aria-label={t("search")} className={`${input} sm:col-span-2`} />
          <select name="status" defaultValue={status ?? ""} aria-label={tOrders("status")} className={input}>
            <option value="">{tOrders("anyStatus")}</option>
            {ORDER_STATUSES.map((s) => (
              <option key={s} value={s}>{tStatus(s)}</option>
            ))}
          </select>
          <button className={buttonClass("secondary")}>{tOrders("filter")}</button>
        </form>
        {orders.length === 0 ? (
          <p className="text-sm text-slate-500">{q || status ? t("noMatch") : t("empty")}</p>
        ) : (
          <Table caption={t("title")} head={[tOrders("orderNoColumn"), tOrders("createdAt"), t("merchant"), tOrders("buyer"), tOrders("status"), tOrders("total")]} numeric={[5]}>
            {orders.map((o) => (
              <tr key={o.id} data-testid="admin-order-row">
                <Td>
                  <Link href={`/admin/orders/${o.id}`} className="font-mono text-brand-700 hover:underline">{o.orderNo}</Link>
                </Td>
                <Td>{formatDateTime(o.createdAt, locale)}</Td>
                <Td>{o.merchant.displayName}</Td>
                <Td>{o.buyer?.email ?? o.buyerContact ?? "—"}</Td>
                <Td><OrderStatusBadge status={o.status} /></Td>
                <Td className="text-right tabular-nums">{formatFen(o.totalFen)}</Td>
              </tr>
            ))}
          </Table>
        )}
        {nextCursor ? (
          <Link href={`/admin/orders?${new URLSearchParams([...keep, ["cursor", nextCursor]])}`} className={`${buttonClass("secondary")} mt-4`}>
            {tOrders("next")}
          </Link>
        ) : null}
      </Card>
    </>
  );
}
