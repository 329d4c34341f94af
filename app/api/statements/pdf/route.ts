import { prisma } from "@/lib/db/client";
import { statementPdf } from "@/lib/statements/pdf";
import { statementRequest } from "../statement-request";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The signed-in holder's statement of one account as a PDF in their language. */
export async function GET(request: Request) {
  const r = await statementRequest(request);
  if ("response" in r) return r.response;
  const { statement, labels, accountName, name } = r;
  const pdf = await statementPdf(prisma, { holder: statement.account.holder, accountCode: statement.account.code, accountName, period: statement.period, summary: statement.summary }, labels);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${name}.pdf"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
