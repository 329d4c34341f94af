import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { Notification } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { notificationHref } from "@/lib/notifications/links";
import { messageValues, type RootTranslate } from "@/lib/notifications/params";
import { formatDateTime } from "@/lib/time/format";

/**
 * Notifications in the reader's language: `kind` names the message, `params` fill it and say what it is about,
 * so each one links to its order, dispute or application. Unread ones are marked (dot, bold, tinted, and a
 * word for screen readers) until "mark all as read".
 */
export async function NotificationList({ notifications, role }: { notifications: Notification[]; role: Role }) {
  const t = await getTranslations();
  const locale = await getLocale();
  if (notifications.length === 0) return <p className="text-sm text-slate-500">{t("notifications.none")}</p>;
  return (
    <ul className="divide-y divide-slate-100 text-sm" data-testid="notifications">
      {notifications.map((n) => {
        const params = (n.params ?? {}) as Record<string, unknown>;
        const key = `notifications.kinds.${n.kind}`;
        const text = t.has(key as never) ? t(key as never, messageValues(params, t as unknown as RootTranslate, locale) as never) : n.kind;
        const href = notificationHref(n.kind, params, role);
        const unread = !n.readAt;
        return (
          <li
            key={n.id.toString()}
            data-testid="notification"
            data-unread={unread ? "true" : "false"}
            className={`flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 py-2 ${unread ? "-mx-2 rounded bg-brand-50 px-2" : ""}`}
          >
            <span className={`flex min-w-0 items-baseline gap-2 ${unread ? "font-medium text-slate-900" : "text-slate-600"}`}>
              {unread ? (
                <span className="inline-block h-2 w-2 shrink-0 rounded-full bg-brand-600" aria-hidden="true" />
              ) : null}
              {unread ? <span className="sr-only">{t("notifications.unread")}</span> : null}
              {href ? (
                <Link href={href} className="break-words hover:underline">
                  {text}
                </Link>
              ) : (
                <span className="break-words">{text}</span>
              )}
            </span>
            <time className="text-xs text-slate-600">{formatDateTime(n.createdAt, locale)}</time>
          </li>
        );
      })}
    </ul>
  );
}
