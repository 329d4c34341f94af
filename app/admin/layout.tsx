import { getTranslations } from "next-intl/server";
import { AreaShell } from "@/components/layout/area-shell";
import { requireArea } from "@/lib/auth/session";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requireArea("admin");
  const t = await getTranslations("nav");
  return (
    <AreaShell
      area="admin"
      user={user}
      nav={[
        { href: "/admin", label: t("overview") },
        { href: "/admin/merchants", label: t("merchants") },
        { href: "/admin/orders", label: t("orders") },
        { href: "/admin/disputes", label: t("disputes") },
        { href: "/admin/users", label: t("users") },
        { href: "/admin/settings", label: t("settings") },
        { href: "/admin/audit", label: t("audit") },
        { href: "/admin/outbox", label: t("outbox") },
      ]}
    >
      {children}
    </AreaShell>
  );
}
