import { getTranslations } from "next-intl/server";
import { WalletView } from "@/components/wallet/wallet-view";
import { requireArea } from "@/lib/auth/session";
import { bigintCursor, readSearchParams, type RawSearchParams } from "@/lib/http/search-params";

export async function generateMetadata() {
  return { title: (await getTranslations("wallet"))("title") };
}

const QUERY = { cursor: bigintCursor };

export default async function BuyerWalletPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireArea("buyer");
  const { cursor } = readSearchParams(await searchParams, QUERY);
  return <WalletView user={user} basePath="/buyer/wallet" cursor={cursor} />;
}
