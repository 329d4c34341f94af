import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import type { SessionUser } from "@/lib/auth/session";
import { LanguageSwitch } from "./language-switch";
import { NavLinks, type NavItem } from "./nav-links";
import { SignOutButton } from "./sign-out-button";

/** The frame of each area (buyer, merchant, admin): brand, navigation, language, user, sign out. */
export async function AreaShell({ area, user, nav, children }: { area: string; user: SessionUser; nav: NavItem[]; children: ReactNode }) {
  const t = await getTranslations();
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <Link href="/" className="flex items-center gap-2">
            <span className="rounded bg-brand-600 px-2 py-0.5 text-sm font-bold text-white">{t("app.short")}</span>
            <span className="font-semibold text-slate-900">{t("app.name")}</span>
            <span className="text-xs text-slate-500" data-testid="area-name">{t(`areas.${area}` as never)}</span>
          </Link>
          <div className="flex items-center gap-2 text-sm">
            <span className="hidden text-slate-600 sm:inline" data-testid="current-user">{user.name}</span>
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
