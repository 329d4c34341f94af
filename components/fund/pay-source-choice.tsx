import { getTranslations } from "next-intl/server";
import type { PaySource } from "@/lib/escrow/pay";
import type { PayChoice } from "@/lib/fund/pay-choice";
import { formatFen } from "@/lib/money/fen";

const SOURCES: PaySource[] = ["WALLET", "FUND", "AUTO"];

/**
 * Where the payment comes from: plain radio buttons, so the choice posts with the form even before scripts
 * load. A source that cannot cover the order is shown but cannot be chosen; the payment checks again anyway.
 */
export async function PaySourceChoice({ choice }: { choice: PayChoice }) {
  const t = await getTranslations("pay.source");
  const name: Record<PaySource, string> = { WALLET: t("WALLET"), FUND: t("FUND"), AUTO: t("AUTO") };
  const detail: Record<PaySource, string> = {
    WALLET: t("walletDetail", { balance: formatFen(choice.walletFen) }),
    FUND: t("fundDetail", { balance: formatFen(choice.fundFen) }),
    AUTO: choice.covers.AUTO
      ? t("autoSplit", { wallet: formatFen(choice.autoSplit.fromWalletFen), fund: formatFen(choice.autoSplit.fromFundFen) })
      : t("autoDetail"),
  };
  return (
    <fieldset className="space-y-2" data-testid="pay-source">
      <legend className="mb-1 text-sm font-medium text-slate-700">{t("legend")}</legend>
      {SOURCES.map((source) => (
        <label
          key={source}
          className={`flex items-start gap-3 rounded-md border px-3 py-2 text-sm ${choice.covers[source] ? "border-slate-300 bg-white" : "border-slate-200 bg-slate-50 text-slate-400"}`}
        >
          <input
            type="radio"
            name="source"
            value={source}
            defaultChecked={choice.preferred === source}
            disabled={!choice.covers[source]}
            className="mt-1"
            data-testid={`pay-source-${source}`}
          />
          <span>
            <span className="block font-medium">{name[source]}</span>
            <span className="block text-xs text-slate-500">
              {detail[source]}
              {choice.covers[source] ? "" : ` · ${t("notEnough")}`}
            </span>
          </span>
        </label>
      ))}
      {choice.sweepEnabled ? <p className="text-xs text-slate-500">{t("sweepDefault")}</p> : null}
    </fieldset>
  );
}
