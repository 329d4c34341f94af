import { getTranslations } from "next-intl/server";
import { PartyDisputePage } from "@/components/disputes/dispute-page";
import { requireArea } from "@/lib/auth/session";
import { pageId } from "@/lib/http/path-id";

export async function generateMetadata() {
  return { title: (await getTranslations("disputes"))("detailTitle") };
}

export default async function BuyerDisputePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireArea("buyer");
  return <PartyDisputePage user={user} id={await pageId(params)} orderBase="/buyer/orders" />;
}
