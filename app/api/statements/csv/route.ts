import { readPool } from "@/lib/db/read-pool";
import { csvHeaders } from "@/lib/csv/stream";
import { statementCsv } from "@/lib/statements/csv";
import { statementRequest } from "../statement-request";

export const dynamic = "force-dynamic";

/** The signed-in holder's statement of one account as CSV, streamed (npm run statement:verify reads it back). */
export async function GET(request: Request) {
  const r = await statementRequest(request);
  if ("response" in r) return r.response;
  const { statement, labels, accountName, name } = r;
  const stream = statementCsv(readPool(), { holder: statement.account.holder, accountCode: statement.account.code, accountName, period: statement.period, summary: statement.summary }, labels);
  return new Response(stream, { headers: csvHeaders(`${name}.csv`) });
}
