import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { switchAccount } from "@/app/_actions/sign-out";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { homeFor } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";

/**
 * A payment link that cannot be paid by whoever opened it: a merchant's or an admin's account, another buyer,
 * or a token that names no order. It says why, without a word about the order, and offers the ways on: sign in
 * with another account (and come back here), or go home.
 */
export async function PayDeadEnd({ user, back, reason }: { user: SessionUser; back: string; reason: "notBuyer" | "notFound" }) {
  const t = await getTranslations("pay");
  const tRole = await getTranslations("roles");
  return (
    <Card heading="h1" title={<span data-testid="pay-title">{t(reason === "notBuyer" ? "notBuyerTitle" : "notFoundTitle")}</span>}>
      <div className="space-y-4" data-testid="pay-dead-end">
        <Alert tone={reason === "notBuyer" ? "info" : "error"}>{reason === "notBuyer" ? t("buyersOnly") : t("notFound")}</Alert>
        <p className="text-sm text-slate-600">{t("signedInAs", { name: user.name, role: tRole(user.role) })}</p>
        <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">
          <form action={switchAccount}>
            <input type="hidden" name="callbackUrl" value={back} />
            <Button type="submit" className="w-full sm:w-auto" data-testid="switch-account">
              {reason === "notBuyer" ? t("switchToBuyer") : t("switchAccount")}
            </Button>
          </form>
          {reason === "notFound" ? (
            <Link href="/buyer/orders" className={buttonClass("secondary")}>
              {t("myOrders")}
            </Link>
          ) : null}
          <Link href={homeFor(user.role)} className={buttonClass("secondary")} data-testid="dead-end-home">
            {t("home")}
          </Link>
        </div>
      </div>
    </Card>
  );
}
