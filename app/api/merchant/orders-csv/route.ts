import { getTranslations } from "next-intl/server";
import { getSession } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { platformDate } from "@/lib/csv/cell-policy";
import { csvHeaders } from "@/lib/csv/stream";
import { prisma } from "@/lib/db/client";
import { merchantOrdersCsv } from "@/lib/escrow/csv";
import { ORDER_QUERY, toOrderFilters } from "@/lib/escrow/filters";
import { parseQuery } from "@/lib/http/search-params";

export const dynamic = "force-dynamic";

/** CSV of the signed-in merchant's orders, with the same filters as the orders page, in the reader's language. */
export async function GET(request: Request) {
  const user = await getSession();
  if (!user || !can(user, "orders.manage")) return new Response("Not found", { status: 404 });
  const query = parseQuery(request.url, ORDER_QUERY);
  if (!query.ok) return query.response;
  const tHeading = await getTranslations("ordersCsv");
  const tStatus = await getTranslations("orderStatus");
  const stream = merchantOrdersCsv(prisma, user, toOrderFilters(query.data), {
    heading: (column) => tHeading(column),
    status: (status) => tStatus(status),
  });
  return new Response(stream, { headers: csvHeaders(`orders-${platformDate(new Date())}.csv`) });
}
