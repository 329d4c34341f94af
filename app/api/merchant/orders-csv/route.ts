import { getTranslations } from "next-intl/server";
import { getSession } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { platformDate } from "@/lib/csv/cell-policy";
import { csvHeaders } from "@/lib/csv/stream";
import { prisma } from "@/lib/db/client";
import { merchantOrdersCsv } from "@/lib/escrow/csv";
import { parseOrderFilters } from "@/lib/escrow/filters";

export const dynamic = "force-dynamic";

/** CSV of the signed-in merchant's orders, with the same filters as the orders page, in the reader's language. */
export async function GET(request: Request) {
  const user = await getSession();
  if (!user || !can(user.role, "orders.manage")) return new Response("Not found", { status: 404 });
  const params = Object.fromEntries(new URL(request.url).searchParams) as Record<string, string>;
  const tHeading = await getTranslations("ordersCsv");
  const tStatus = await getTranslations("orderStatus");
  const stream = merchantOrdersCsv(prisma, user, parseOrderFilters(params), {
    heading: (column) => tHeading(column),
    status: (status) => tStatus(status),
  });
  return new Response(stream, { headers: csvHeaders(`orders-${platformDate(new Date())}.csv`) });
}
