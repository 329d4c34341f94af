import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { EmailStatus } from "@/lib/generated/prisma/enums";

const TONE: Record<EmailStatus, "neutral" | "good" | "warn" | "bad" | "info"> = { PENDING: "info", SENT: "good", FAILED: "bad", SKIPPED: "neutral" };

export async function EmailStatusBadge({ status }: { status: EmailStatus }) {
  const t = await getTranslations("adminOutbox");
  return <Badge tone={TONE[status]}>{t(`statuses.${status}`)}</Badge>;
}
