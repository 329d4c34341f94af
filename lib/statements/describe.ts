import { movementCause } from "@/lib/wallet/movement-cause";
import type { StatementRow } from "./statement";

/** A translator over the whole catalog (next-intl's, on the server or in a script). */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * A movement in words, as the wallet shows it: what happened (the journal's kind) and what it was about (the
 * order number, the dispute, the card or bank account, the reversed journal). Unknown kinds still get a line.
 */
export function describeRow(row: Pick<StatementRow, "kind" | "reference" | "orderId" | "orderNo">, t: Translate, has: (key: string) => boolean): string {
  const kindKey = `wallet.kinds.${row.kind}`;
  const what = has(kindKey) ? t(kindKey) : row.kind;
  const cause = movementCause(row);
  const about = (() => {
    switch (cause.type) {
      case "order":
        return t("wallet.causes.order", { no: cause.orderNo });
      case "reserve":
        return t("wallet.causes.reserve", { no: cause.orderNo });
      case "dispute":
        return cause.orderNo ? t("wallet.causes.dispute", { no: cause.orderNo }) : t("wallet.causes.disputeOnly");
      case "card":
        return t("wallet.causes.card", { last4: cause.last4 });
      case "bank":
        return t("wallet.causes.bank", { last4: cause.last4 });
      case "reversal":
        return t("wallet.causes.reversal", { id: cause.journalId });
      default:
        return null;
    }
  })();
  return about ? `${what} · ${about}` : what;
}
