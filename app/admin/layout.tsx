import { getTranslations } from "next-intl/server";
import { AreaShell } from "@/components/layout/area-shell";
import { can, type Permission } from "@/lib/auth/permissions";
import { requireArea } from "@/lib/auth/session";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requireArea("admin");
  const t = await getTranslations("nav");
  return (
    <AreaShell
      area="admin"
      user={user}
      nav={(
        [
          { href: "/admin", label: t("overview"), permission: "admin.view" },
          { href: "/admin/merchants", label: t("merchants"), permission: "merchant.view" },
          { href: "/admin/orders", label: t("orders"), permission: "orders.view_all" },
          { href: "/admin/disputes", label: t("disputes"), permission: "disputes.view_all" },
          { href: "/admin/fund", label: t("fund"), permission: "fund.view" },
          { href: "/admin/credit", label: t("adminCredit"), permission: "credit.view" },
          { href: "/admin/users", label: t("users"), permission: "users.view" },
          { href: "/admin/settings", label: t("settings"), permission: "settings.view" },
          { href: "/admin/audit", label: t("audit"), permission: "audit.view" },
          { href: "/admin/outbox", label: t("outbox"), permission: "outbox.view" },
        ] satisfies { href: string; label: string; permission: Permission }[]
      )
        // Each administrator sees the tabs its sub-role may open (the pages check again).
        .filter((item) => can(user, item.permission))
        .map(({ href, label }) => ({ href, label }))}
    >
      {children}
    </AreaShell>
  );
}
