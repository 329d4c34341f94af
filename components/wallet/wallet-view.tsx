import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { formatFen } from "@/lib/money/fen";
import { formatDateTime } from "@/lib/time/format";
import { getSettlementAccount } from "@/lib/merchants/settlement-account";
import { getWalletOverview } from "@/lib/wallet/overview";
import { Card, Stat } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { buttonClass } from "@/components/ui/button";
import { describeReference } from "./describe-reference";
import { TopUpForm } from "./top-up-form";
import { WithdrawForm } from "./withdraw-form";

/** Balance, top-up, withdrawal and the statement with running balances; shared by buyers and merchants. */
export async function WalletView({ user, basePath, cursor }: { user: SessionUser; basePath: string; cursor?: string }) {
  const t = await getTranslations("wallet");
  const locale = await getLocale();
  const wallet = await getWalletOverview(prisma, user, { cursor, limit: 20 });
  const tBanks = await getTranslations("onboarding.banks");
  const account = await getSettlementAccount(prisma, user);
  const settlement = account ? { bank: tBanks(account.bankCode as never), last4: account.last4 } : undefined;
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid items-start gap-4 md:grid-cols-3">
        <Stat label={t("balance")} value={formatFen(wallet.balanceFen)} testId="wallet-balance" />
        <Card title={t("topUp")} className="md:col-span-1">
          <TopUpForm />
        </Card>
        <Card title={t("withdraw")} className="md:col-span-1">
          <WithdrawForm settlement={settlement} />
        </Card>
      </div>
      <Card title={t("movements")} className="mt-6">
        {wallet.movements.length === 0 ? (
          <p className="text-sm text-slate-500" data-testid="movements-empty">{t("noMovements")}</p>
        ) : (
          <Table head={[t("time"), t("kind"), t("reference"), t("amountColumn"), t("balanceAfter")]} caption={t("movements")} numeric={[3, 4]}>
            {wallet.movements.map((m) => (
              <tr key={m.id.toString()} data-testid="movement-row">
                <Td>{formatDateTime(m.createdAt, locale)}</Td>
                <Td>{t.has(`kinds.${m.kind}` as never) ? t(`kinds.${m.kind}` as never) : m.kind}</Td>
                <Td className="text-slate-500">{describeReference(t, m.reference)}</Td>
                <Td className={`text-right tabular-nums ${m.amount < 0n ? "text-red-700" : "text-green-700"}`}>
                  {m.amount > 0n ? "+" : ""}
                  {formatFen(m.amount)}
                </Td>
                <Td className="text-right tabular-nums">{formatFen(m.balanceAfter)}</Td>
              </tr>
            ))}
          </Table>
        )}
        <div className="mt-4 flex gap-2">
          {cursor ? (
            <Link href={basePath} className={buttonClass("secondary")}>
              {t("firstPage")}
            </Link>
          ) : null}
          {wallet.nextCursor ? (
            <Link href={`${basePath}?cursor=${wallet.nextCursor}`} className={buttonClass("secondary")} data-testid="older-movements">
              {t("olderPage")}
            </Link>
          ) : null}
        </div>
      </Card>
    </>
  );
}
