import { getLocale, getTranslations } from "next-intl/server";
import type { Notification } from "@/lib/generated/prisma/client";
import { formatDateTime } from "@/lib/time/format";

/** Notifications in the reader's language: `kind` names the message, `params` fill it. */
export async function NotificationList({ notifications }: { notifications: Notification[] }) {
  const t = await getTranslations("notifications");
  const locale = await getLocale();
  if (notifications.length === 0) return <p className="text-sm text-slate-500">{t("none")}</p>;
  return (
    <ul className="divide-y divide-slate-100 text-sm" data-testid="notifications">
      {notifications.map((n) => {
        const params = (n.params ?? {}) as Record<string, string>;
        const values = { ...params, riskLevel: params.riskLevel ? t(`risk.${params.riskLevel}` as never) : "" };
        const key = `kinds.${n.kind}`;
        return (
          <li key={n.id.toString()} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
            <span className={n.readAt ? "text-slate-600" : "font-medium text-slate-900"}>
              {t.has(key as never) ? t(key as never, values as never) : n.kind}
            </span>
            <time className="text-xs text-slate-500">{formatDateTime(n.createdAt, locale)}</time>
          </li>
        );
      })}
    </ul>
  );
}
