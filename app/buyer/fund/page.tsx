import { getTranslations } from "next-intl/server";
import { FUND_RANGES, FundView } from "@/components/fund/fund-view";
import { requireArea } from "@/lib/auth/session";
import { bigintCursor, oneOf, readSearchParams, type RawSearchParams } from "@/lib/http/search-params";

export async function generateMetadata() {
  return { title: (await getTranslations("fund"))("title") };
}

const QUERY = { range: oneOf(FUND_RANGES), cursor: bigintCursor };

export default async function BuyerFundPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireArea("buyer");
  const { range, cursor } = readSearchParams(await searchParams, QUERY);
  return <FundView user={user} area="buyer" range={range ?? "30"} cursor={cursor} />;
}
