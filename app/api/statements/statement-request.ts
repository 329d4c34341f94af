import { getTranslations } from "next-intl/server";
import { getSession } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/client";
import { isDomainError } from "@/lib/errors/domain-error";
import { parseQuery } from "@/lib/http/search-params";
import { loadStatement, STATEMENT_QUERY } from "@/lib/statements/request";

/**
 * What both download routes share: the signed-in holder, the query read with the one helper (a bad one is a
 * 400), the holder's own account (anyone else's, or none: 404), and the labels in the reader's language.
 */
export async function statementRequest(request: Request) {
  const user = await getSession();
  if (!user || !can(user, "wallet.view")) return { response: new Response("Not found", { status: 404 }) } as const;
  const query = parseQuery(request.url, STATEMENT_QUERY);
  if (!query.ok) return { response: query.response } as const;
  const statement = await loadStatement(prisma, user, query.data).catch((error) => {
    if (isDomainError(error) && error.code === "not_found") return null;
    throw error;
  });
  if (!statement) return { response: new Response("Not found", { status: 404 }) } as const;
  const t = await getTranslations();
  const labels = { t: (key: string, values?: Record<string, string | number>) => t(key as never, values as never), has: (key: string) => t.has(key as never) };
  const accountName = labels.t(`statements.accounts.${statement.account.type}`);
  const name = `statement-${statement.account.type.toLowerCase()}-${statement.period.from}-${statement.period.to}`;
  return { statement, labels, accountName, name } as const;
}
