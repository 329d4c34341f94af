import { getTranslations } from "next-intl/server";
import { AreaShell } from "@/components/layout/area-shell";
import { requireArea } from "@/lib/auth/session";

export default async function MerchantLayout({ children }: { children: React.ReactNode }) {
  const user = await requireArea("merchant");
  const t = await getTranslations("nav");
  return (
    <AreaShell
      area="merchant"
      user={user}
      nav={[
        { href: "/merchant", label: t("overview") },
        { href: "/merchant/orders", label: t("orders") },
        { href: "/merchant/calendar", label: t("calendar") },
        { href: "/merchant/disputes", label: t("disputes") },
        { href: "/merchant/onboarding", label: t("onboarding") },
        { href: "/merchant/wallet", label: t("wallet") },
        { href: "/merchant/fund", label: t("fund") },
        { href: "/merchant/credit", label: t("credit") },
        { href: "/merchant/statements", label: t("statements") },
      ]}
    >
      {children}
    </AreaShell>
  );
}
