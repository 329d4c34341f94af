import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import type { SessionUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { unreadCount } from "@/lib/notifications/notify";
import { LanguageSwitch } from "./language-switch";
import { NavLinks, type NavItem } from "./nav-links";
import { SignOutButton } from "./sign-out-button";

/**
 * The frame of each area (buyer, merchant, admin): brand, navigation, notifications with the unread count,
 * the account (settings), language, sign out. Re-rendered with the page, so the count follows "mark all as read".
 */
export async function AreaShell({ area, user, nav, children }: { area: string; user: SessionUser; nav: NavItem[]; children: ReactNode }) {
  const t = await getTranslations();
  const unread = await unreadCount(prisma, user);
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-3 gap-y-2 px-4 py-3">
          <Link href="/" className="flex items-center gap-2">
            <span className="rounded bg-brand-600 px-2 py-0.5 text-sm font-bold text-white">{t("app.short")}</span>
            <span className="font-semibold text-slate-900">{t("app.name")}</span>
            <span className="text-xs text-slate-500" data-testid="area-name">{t(`areas.${area}` as never)}</span>
          </Link>
          <div className="flex items-center gap-1 text-sm sm:gap-2">
            <Link
              href={`/${area}/notifications`}
              className="relative rounded-md px-2 py-1 text-xs font-medium text-slate-600 hover:bg-slate-100"
              aria-label={t("notifications.bell", { count: unread })}
              data-testid="notifications-link"
            >
              {t("nav.notifications")}
              {unread > 0 ? (
                <span className="ml-1 inline-flex min-w-5 items-center justify-center rounded-full bg-red-600 px-1.5 text-[11px] font-semibold leading-5 text-white" data-testid="unread-count">
                  {unread > 99 ? "99+" : unread}
                </span>
              ) : null}
            </Link>
            <Link
              href={`/${area}/account`}
              className="max-w-40 truncate rounded-md px-2 py-1 text-xs font-medium text-slate-600 hover:bg-slate-100"
              title={t("nav.account")}
              data-testid="account-link"
            >
              <span className="sm:hidden">{t("nav.account")}</span>
              <span className="hidden sm:inline" data-testid="current-user">{user.name}</span>
            </Link>
            <LanguageSwitch />
            <SignOutButton />
          </div>
        </div>
        <NavLinks items={nav} />
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </div>
  );
}
