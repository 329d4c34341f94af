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

/**
 * describeRow for a long export: the translator formats each (key, placeholder names) once with markers in
 * place of the values, and every later row fills the markers in, so a million rows do not run the message
 * formatter a million times. Only for plain text placeholders, which is all describeRow passes.
 */
export function describer(t: Translate, has: (key: string) => boolean) {
  const templates = new Map<string, string>();
  const known = new Map<string, boolean>();
  const marker = (i: number) => `\u0000${i}\u0000`;
  const cached: Translate = (key, values) => {
    const names = values ? Object.keys(values) : [];
    const id = `${key}|${names.join(",")}`;
    let template = templates.get(id);
    if (template === undefined) {
      template = t(key, values && Object.fromEntries(names.map((n, i) => [n, marker(i)])));
      templates.set(id, template);
    }
    return names.length === 0 ? template : template.replace(/\u0000(\d+)\u0000/g, (_, i: string) => String(values![names[Number(i)]]));
  };
  const cachedHas = (key: string) => {
    let k = known.get(key);
    if (k === undefined) known.set(key, (k = has(key)));
    return k;
  };
  // Statements repeat movements (top-ups from the same card, a fund's daily yield, a reserve's releases): the
  // last few hundred descriptions are kept, keyed by everything describeRow reads.
  const recent = new Map<string, string>();
  return (row: Pick<StatementRow, "kind" | "reference" | "orderId" | "orderNo">) => {
    const key = `${row.kind}\u0001${row.reference}\u0001${row.orderId}\u0001${row.orderNo}`;
    let text = recent.get(key);
    if (text === undefined) {
      if (recent.size >= RECENT_DESCRIPTIONS) recent.clear();
      text = describeRow(row, cached, cachedHas);
      recent.set(key, text);
    }
    return text;
  };
}

const RECENT_DESCRIPTIONS = 512;
