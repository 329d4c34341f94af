"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { markNotificationsRead } from "@/app/_actions/notifications";

export function MarkReadButton() {
  const t = useTranslations("notifications");
  const [, action, pending] = useActionState(markNotificationsRead, null);
  return (
    <form action={action}>
      <button type="submit" disabled={pending} className="text-xs text-brand-700 hover:underline">
        {t("markRead")}
      </button>
    </form>
  );
}
