import { getTranslations } from "next-intl/server";
import { getSession } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { platformDate } from "@/lib/csv/cell-policy";
import { csvHeaders } from "@/lib/csv/stream";
import { loansCsv } from "@/lib/credit/loans-csv";
import { prisma } from "@/lib/db/client";

export const dynamic = "force-dynamic";

/** The loan book as CSV, in the reader's language, for administrators who may see loans. */
export async function GET() {
  const user = await getSession();
  if (!user || !can(user, "credit.view")) return new Response("Not found", { status: 404 });
  const t = await getTranslations("adminCredit");
  const tc = await getTranslations("credit");
  const stream = loansCsv(prisma, user, {
    heading: (c) => t(`csvColumns.${c}`),
    product: (p) => tc(`products.${p}` as never),
    method: (m) => tc(`methods.${m}` as never),
    status: (s) => tc(`loanStatus.${s}` as never),
    bucket: (b) => t(`bucketNames.${b}`),
  });
  return new Response(stream, { headers: csvHeaders(`loans-${platformDate(new Date())}.csv`) });
}
