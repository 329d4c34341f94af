import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { OrderStatusBadge } from "@/components/orders/status-badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { requireArea } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { ORDER_QUERY, ORDER_STATUSES, isReversedRange, toOrderFilters } from "@/lib/escrow/filters";
import { Alert } from "@/components/ui/alert";
import { ORDER_SORTS, listMerchantOrders } from "@/lib/escrow/queries";
import { formatFen } from "@/lib/money/fen";
import { formatDateTime } from "@/lib/time/format";
import { readSearchParams, toQueryString, type RawSearchParams } from "@/lib/http/search-params";

export async function generateMetadata() {
  return { title: (await getTranslations("orders"))("title") };
}

const input = "rounded-md border border-slate-300 px-2 py-2 text-sm";

export default async function MerchantOrdersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireArea("merchant");
  const t = await getTranslations("orders");
  const tStatus = await getTranslations("orderStatus");
  const locale = await getLocale();
  const { cursor, ...params } = readSearchParams(await searchParams, ORDER_QUERY);
  const filters = toOrderFilters(params);
  // A range that ends before it starts would find nothing: say so rather than show an empty list.
  const reversed = isReversedRange(params);
  const { orders, nextCursor } = reversed ? { orders: [], nextCursor: null } : await listMerchantOrders(prisma, user, filters, { cursor });
  const filtered = Boolean(params.status || params.from || params.to || params.q);
  // Links carry only the parameters that parsed, so a crafted one never reaches the export or the next page.
  const keep = toQueryString(params);
  return (
    <>
      <PageHeader
        title={t("title")}
        actions={
          <div className="flex flex-wrap gap-2">
            <a href={`/api/merchant/orders-csv?${keep}`} className={buttonClass("secondary")} data-testid="export-csv">
              {t("exportCsv")}
            </a>
            <Link href="/merchant/orders/new" className={buttonClass("primary")} data-testid="new-order">
              {t("new")}
            </Link>
          </div>
        }
      />
      <Card>
        <form className="mb-4 grid grid-cols-2 gap-2 sm:grid-cols-6" role="search">
          <select name="status" defaultValue={filters.status ?? ""} aria-label={t("status")} className={input}>
            <option value="">{t("anyStatus")}</option>
            {ORDER_STATUSES.map((s) => (
              <option key={s} value={s}>{tStatus(s)}</option>
            ))}
          </select>
          <input type="date" name="from" defaultValue={params.from} aria-label={t("from")} className={input} />
          <input type="date" name="to" defaultValue={params.to} aria-label={t("to")} className={input} />
          <input name="q" defaultValue={params.q} placeholder={t("search")} aria-label={t("search")} className={`${input} col-span-2 sm:col-span-1`} />
          <select name="sort" defaultValue={filters.sort ?? "created_desc"} aria-label={t("sort")} className={input}>
            {ORDER_SORTS.map((s) => (
              <option key={s} value={s}>{t(`sorts.${s}`)}</option>
            ))}
          </select>
          <button className={buttonClass("secondary")}>{t("filter")}</button>
        </form>
        {reversed ? (
          <Alert tone="warning">
            <span data-testid="range-reversed">{t("rangeReversed", { from: params.from!, to: params.to! })}</span>
          </Alert>
        ) : orders.length === 0 ? (
          filtered ? (
            <div className="space-y-2 text-sm text-slate-600" data-testid="orders-empty">
              <p>{t("noMatch")}</p>
              <Link href="/merchant/orders" className="text-brand-700 underline">
                {t("clearFilters")}
              </Link>
            </div>
          ) : (
            <div className="space-y-3 text-sm text-slate-600" data-testid="orders-empty">
              <p>{t("emptyMerchant")}</p>
              <Link href="/merchant/orders/new" className={buttonClass("primary")}>
                {t("new")}
              </Link>
            </div>
          )
        ) : (
          <Table caption={t("title")} head={[t("orderNoColumn"), t("createdAt"), t("buyer"), t("status"), t("total")]} numeric={[4]}>
            {orders.map((o) => (
              <tr key={o.id} data-testid="order-row">
                <Td>
                  <Link href={`/merchant/orders/${o.id}`} className="font-mono text-brand-700 hover:underline">{o.orderNo}</Link>
                </Td>
                <Td>{formatDateTime(o.createdAt, locale)}</Td>
                <Td>{o.buyer?.email ?? o.buyerContact ?? "—"}</Td>
                <Td><OrderStatusBadge status={o.status} /></Td>
                <Td className="text-right tabular-nums">{formatFen(o.totalFen)}</Td>
              </tr>
            ))}
          </Table>
        )}
        {nextCursor ? (
          <Link href={`/merchant/orders?${toQueryString({ ...params, cursor: nextCursor })}`} className={`${buttonClass("secondary")} mt-4`}>
            {t("next")}
          </Link>
        ) : null}
      </Card>
    </>
  );
}
