import { getTranslations } from "next-intl/server";
import { getSession } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/client";
import { merchantOrdersCsv } from "@/lib/escrow/csv";
import { ORDER_QUERY, toOrderFilters } from "@/lib/escrow/filters";
import { parseQuery } from "@/lib/http/search-params";

export const dynamic = "force-dynamic";

/** CSV of the signed-in merchant's orders, with the same filters as the orders page. */
export async function GET(request: Request) {
  const user = await getSession();
  if (!user || !can(user.role, "orders.manage")) return new Response("Not found", { status: 404 });
  const query = parseQuery(request.url, ORDER_QUERY);
  if (!query.ok) return query.response;
  const t = await getTranslations("ordersCsv");
  const headings = ["orderNo", "createdAt", "status", "buyer", "total", "refunded", "fee", "net", "paidAt", "shippedAt", "completedAt"].map((h) => t(h as never));
  const stream = merchantOrdersCsv(prisma, user, toOrderFilters(query.data), headings);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="orders-${day}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
