"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { markNotificationsRead } from "@/app/_actions/notifications";

/**
 * Marks every notification of the reader as read. The action revalidates the layout, so its answer carries the
 * re-rendered page: the unread count in the header and the unread styles change as soon as it returns.
 */
export function MarkReadButton({ unread }: { unread: number }) {
  const t = useTranslations("notifications");
  const [, action, pending] = useActionState(markNotificationsRead, null);
  if (unread === 0) return <span className="text-xs text-slate-500" data-testid="all-read">{t("allRead")}</span>;
  return (
    <form action={action}>
      <button type="submit" disabled={pending} className="text-xs font-medium text-brand-700 hover:underline disabled:text-slate-400" data-testid="mark-read">
        {t("markRead")}
      </button>
    </form>
  );
}
