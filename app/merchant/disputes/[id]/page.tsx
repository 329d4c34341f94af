import { PartyDisputePage } from "@/components/disputes/dispute-page";
import { requireArea } from "@/lib/auth/session";

export default async function MerchantDisputePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireArea("merchant");
  return <PartyDisputePage user={user} id={(await params).id} orderBase="/merchant/orders" />;
}
