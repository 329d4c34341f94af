import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { type MovementCause, causeHref } from "@/lib/wallet/movement-cause";

/** What caused a movement, in the reader's words, linked to the order or dispute page of the viewer's area. */
export async function MovementCauseText({ cause, role }: { cause: MovementCause; role: "BUYER" | "MERCHANT" }) {
  const t = await getTranslations("wallet.causes");
  const text = (() => {
    switch (cause.type) {
      case "order":
        return t("order", { no: cause.orderNo });
      case "reserve":
        return t("reserve", { no: cause.orderNo });
      case "dispute":
        return cause.orderNo ? t("dispute", { no: cause.orderNo }) : t("disputeOnly");
      case "card":
        return t("card", { last4: cause.last4 });
      case "bank":
        return role === "MERCHANT" ? t("settlement", { last4: cause.last4 }) : t("bank", { last4: cause.last4 });
      case "reversal":
        return t("reversal", { id: cause.journalId });
      default:
        return cause.reference ?? "";
    }
  })();
  const href = causeHref(cause, role);
  return href ? (
    <Link href={href} className="text-brand-700 underline-offset-2 hover:underline" data-testid="movement-cause">
      {text}
    </Link>
  ) : (
    <span data-testid="movement-cause">{text}</span>
  );
}
