import { getTranslations } from "next-intl/server";
import { FUND_RANGES, FundView } from "@/components/fund/fund-view";
import { requireArea } from "@/lib/auth/session";
import { bigintCursor, oneOf, readSearchParams, type RawSearchParams } from "@/lib/http/search-params";

export async function generateMetadata() {
  return { title: (await getTranslations("fund"))("title") };
}

const QUERY = { range: oneOf(FUND_RANGES), cursor: bigintCursor };

export default async function MerchantFundPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireArea("merchant");
  const { range, cursor } = readSearchParams(await searchParams, QUERY);
  return <FundView user={user} area="merchant" range={range ?? "30"} cursor={cursor} />;
}
