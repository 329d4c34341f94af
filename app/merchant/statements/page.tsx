import { getTranslations } from "next-intl/server";
import { StatementPage } from "@/components/statements/statement-page";
import { requireArea } from "@/lib/auth/session";
import { readSearchParams, type RawSearchParams } from "@/lib/http/search-params";
import { STATEMENT_QUERY } from "@/lib/statements/request";

export async function generateMetadata() {
  return { title: (await getTranslations("statements"))("title") };
}

export default async function Statements({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireArea("merchant");
  return <StatementPage user={user} query={readSearchParams(await searchParams, STATEMENT_QUERY)} />;
}
