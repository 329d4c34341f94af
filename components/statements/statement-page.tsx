import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card, Stat } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import type { SessionUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { isDomainError } from "@/lib/errors/domain-error";
import { toQueryString } from "@/lib/http/search-params";
import { formatFen } from "@/lib/money/fen";
import { ownStatementAccounts } from "@/lib/statements/accounts";
import { describeRow } from "@/lib/statements/describe";
import { loadStatement, MAX_STATEMENT_DAYS, type StatementQuery } from "@/lib/statements/request";
import { statementRows } from "@/lib/statements/statement";
import { formatDateTime } from "@/lib/time/format";
import { CsvDownload } from "./csv-download";

/** Movements shown on the page; the downloads hold every one. */
const SHOWN = 200;

/** A holder's statement page: account and period, the figures, the movements, CSV and PDF. */
export async function StatementPage({ user, query }: { user: SessionUser; query: StatementQuery }) {
  const t = await getTranslations("statements");
  const tAll = await getTranslations();
  const locale = await getLocale();
  const accounts = await ownStatementAccounts(prisma, user);
  const statement = accounts.length ? await loadStatement(prisma, user, { ...query, account: query.account ?? accounts[0].type }).catch((e) => (isDomainError(e) ? null : Promise.reject(e))) : null;
  const input = "min-w-0 rounded-md border border-slate-300 px-2 py-1.5 text-sm";
  if (!statement) {
    return (
      <>
        <PageHeader title={t("title")} description={t("description")} />
        <Card>
          <p className="text-sm text-slate-600" data-testid="statements-empty">{t("noAccounts")}</p>
        </Card>
      </>
    );
  }
  const { account, period, summary, problem } = statement;
  const rows = [];
  for await (const r of statementRows(prisma, summary, SHOWN)) {
    rows.push(r);
    if (rows.length >= SHOWN) break;
  }
  const q = toQueryString({ account: account.type, ...(query.from && query.to && !problem ? { from: period.from, to: period.to } : { month: period.from.slice(0, 7) }) });
  const has = (key: string) => tAll.has(key as never);
  const tr = (key: string, values?: Record<string, string | number>) => tAll(key as never, values as never);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-2" data-testid="statement-query">
        <label className="flex flex-col text-sm text-slate-600">
          {t("account")}
          <select name="account" defaultValue={account.type} className={input}>
            {accounts.map((a) => (
              <option key={a.type} value={a.type}>
                {t(`accounts.${a.type}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm text-slate-600">
          {t("month")}
          <input type="month" name="month" defaultValue={period.from.slice(0, 7)} className={input} />
        </label>
        <button type="submit" className={buttonClass("secondary")}>{t("show")}</button>
      </form>
      {problem ? (
        <div className="mb-4">
          <Alert tone="warning">
            {problem === "reversed" ? t("rangeReversed", { from: query.from!, to: query.to! }) : t("rangeTooLong", { from: query.from!, to: query.to!, max: MAX_STATEMENT_DAYS })}
          </Alert>
        </div>
      ) : null}
      <p className="mb-2 text-sm font-semibold text-slate-700" data-testid="statement-period">
        {t(`accounts.${account.type}`)} · {period.from} – {period.to}
      </p>
      <div className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
        <Stat label={t("opening")} value={formatFen(summary.openingFen)} testId="statement-opening" />
        <Stat label={t("in")} value={formatFen(summary.inFen)} testId="statement-in" />
        <Stat label={t("out")} value={formatFen(summary.outFen)} testId="statement-out" />
        <Stat label={t("closing")} value={formatFen(summary.closingFen)} testId="statement-closing" />
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <CsvDownload href={`/api/statements/csv?${q}`} />
        <Link href={`/api/statements/pdf?${q}`} prefetch={false} className={buttonClass("secondary")} data-testid="statement-pdf">
          {t("downloadPdf")}
        </Link>
      </div>
      <Card title={t("count", { count: summary.count })} className="mt-4">
        {rows.length === 0 ? (
          <p className="text-sm text-slate-600" data-testid="statement-empty">{t("empty")}</p>
        ) : (
          <>
            <Table caption={t("title")} head={[t("time"), t("movement"), t("amountIn"), t("amountOut"), t("balance")]} numeric={[2, 3, 4]}>
              {rows.map((r) => (
                <tr key={r.id.toString()} data-testid="statement-row">
                  <Td>{formatDateTime(r.createdAt, locale)}</Td>
                  <Td>{describeRow(r, tr, has)}</Td>
                  <Td className="text-right tabular-nums">{r.amount > 0n ? formatFen(r.amount) : ""}</Td>
                  <Td className="text-right tabular-nums">{r.amount < 0n ? formatFen(-r.amount) : ""}</Td>
                  <Td className="text-right tabular-nums">{formatFen(r.balanceAfter)}</Td>
                </tr>
              ))}
            </Table>
            {summary.count > rows.length ? <p className="mt-2 text-xs text-slate-600">{t("shownFirst", { shown: rows.length, count: summary.count })}</p> : null}
          </>
        )}
        <p className="mt-3 break-all text-xs text-slate-600" title={t("chainHint")}>
          {t("chain")}: <span className="font-mono" data-testid="statement-chain">{summary.closingHash ?? "—"}</span>
        </p>
      </Card>
    </>
  );
}
