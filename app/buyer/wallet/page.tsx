import { getTranslations } from "next-intl/server";
import { WalletView } from "@/components/wallet/wallet-view";
import { requireArea } from "@/lib/auth/session";

export async function generateMetadata() {
  return { title: (await getTranslations("wallet"))("title") };
}

export default async function BuyerWalletPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const user = await requireArea("buyer");
  const { cursor } = await searchParams;
  return <WalletView user={user} basePath="/buyer/wallet" cursor={cursor} />;
}
