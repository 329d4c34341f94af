import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { MerchantStatus } from "@/lib/generated/prisma/enums";

const TONE: Record<MerchantStatus, "neutral" | "good" | "warn" | "bad" | "info"> = {
  DRAFT: "neutral",
  SUBMITTED: "info",
  NEEDS_INFO: "warn",
  APPROVED: "good",
  REJECTED: "bad",
  SUSPENDED: "bad",
};

export async function MerchantStatusBadge({ status }: { status: MerchantStatus }) {
  const t = await getTranslations("merchantStatus");
  return <Badge tone={TONE[status]}>{t(status)}</Badge>;
}
