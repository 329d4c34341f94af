import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { OrderStatus } from "@/lib/generated/prisma/enums";

const TONE: Record<OrderStatus, "neutral" | "good" | "warn" | "bad" | "info"> = {
  CREATED: "neutral",
  PAID: "info",
  SHIPPED: "info",
  DISPUTED: "warn",
  COMPLETED: "good",
  CANCELLED: "neutral",
  REFUNDED: "bad",
};

export async function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const t = await getTranslations("orderStatus");
  return <Badge tone={TONE[status]}>{t(status)}</Badge>;
}
