import { getTranslations } from "next-intl/server";
import { AreaShell } from "@/components/layout/area-shell";
import { requireArea } from "@/lib/auth/session";

export default async function BuyerLayout({ children }: { children: React.ReactNode }) {
  const user = await requireArea("buyer");
  const t = await getTranslations("nav");
  return (
    <AreaShell area="buyer" user={user} nav={[
        { href: "/buyer", label: t("home") },
        { href: "/buyer/orders", label: t("orders") },
        { href: "/buyer/disputes", label: t("disputes") },
        { href: "/buyer/wallet", label: t("wallet") },
        { href: "/buyer/fund", label: t("fund") },
        { href: "/buyer/statements", label: t("statements") },
      ]}>
      {children}
    </AreaShell>
  );
}
