import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Table, Td } from "@/components/ui/table";
import type { Movement } from "@/lib/ledger/statement";
import { formatFen } from "@/lib/money/fen";
import { formatDateTime } from "@/lib/time/format";

type Translate = Awaited<ReturnType<typeof getTranslations<"fund">>>;

/** A fund movement in words: what happened, the day a yield is for, and for a payment, which order. */
function describe(t: Translate, kind: string, reference: string | null, area: "buyer" | "merchant") {
  const [refKind, detail = ""] = (reference ?? "").split(/:(.*)/s);
  if (kind === "FUND_YIELD" && refKind === "fund-day") return t("yieldOf", { day: detail });
  if (kind === "ESCROW_PAY" && refKind === "order" && area === "buyer") {
    return (
      <Link href={`/buyer/orders/${encodeURIComponent(detail)}`} className="text-brand-700 underline">
        {t("movementKinds.ESCROW_PAY")}
      </Link>
    );
  }
  return t.has(`movementKinds.${kind}` as never) ? t(`movementKinds.${kind}` as never) : kind;
}

const amountClass = (amount: bigint) => `tabular-nums ${amount < 0n ? "text-red-700" : "text-green-700"}`;
const signed = (amount: bigint) => `${amount > 0n ? "+" : ""}${formatFen(amount)}`;

/** The fund account's movements: a table from the small breakpoint up, a two-line list on a phone. */
export async function FundMovementList({ movements, area }: { movements: Movement[]; area: "buyer" | "merchant" }) {
  const t = await getTranslations("fund");
  const locale = await getLocale();
  if (movements.length === 0) {
    return (
      <p className="text-sm text-slate-500" data-testid="fund-movements-empty">
        {t("noMovements")}
      </p>
    );
  }
  return (
    <>
      <ul className="divide-y divide-slate-100 sm:hidden">
        {movements.map((m) => (
          <li key={m.id.toString()} className="flex items-start justify-between gap-3 py-2 text-sm" data-testid="fund-movement-item">
            <span>
              <span className="block text-slate-800">{describe(t, m.kind, m.reference, area)}</span>
              <span className="block text-xs text-slate-500">{formatDateTime(m.createdAt, locale)}</span>
            </span>
            <span className="text-right">
              <span className={`block ${amountClass(m.amount)}`}>{signed(m.amount)}</span>
              <span className="block text-xs tabular-nums text-slate-500">{t("balanceShort", { balance: formatFen(m.balanceAfter) })}</span>
            </span>
          </li>
        ))}
      </ul>
      <div className="hidden sm:block">
        <Table head={[t("time"), t("what"), t("amountColumn"), t("balanceAfter")]} caption={t("movementsTitle")} numeric={[2, 3]}>
          {movements.map((m) => (
            <tr key={m.id.toString()} data-testid="fund-movement-row">
              <Td>{formatDateTime(m.createdAt, locale)}</Td>
              <Td>{describe(t, m.kind, m.reference, area)}</Td>
              <Td className={`text-right ${amountClass(m.amount)}`}>{signed(m.amount)}</Td>
              <Td className="text-right tabular-nums">{formatFen(m.balanceAfter)}</Td>
            </tr>
          ))}
        </Table>
      </div>
    </>
  );
}
