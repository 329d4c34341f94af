import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { formatFen } from "@/lib/money/fen";
import { formatDateTime } from "@/lib/time/format";
import { getWalletOverview } from "@/lib/wallet/overview";
import { withdrawalTarget } from "@/lib/wallet/withdrawal-target";
import { Alert } from "@/components/ui/alert";
import { Card, Stat } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { buttonClass } from "@/components/ui/button";
import { MovementCauseText } from "./movement-cause-text";
import { TopUpForm } from "./top-up-form";
import { WithdrawForm } from "./withdraw-form";

/** Balance, top-up, withdrawal and the statement with running balances; shared by buyers and merchants. */
export async function WalletView({ user, basePath, cursor }: { user: SessionUser; basePath: string; cursor?: string }) {
  const t = await getTranslations("wallet");
  const locale = await getLocale();
  const wallet = await getWalletOverview(prisma, user, { cursor, limit: 20 });
  const tBanks = await getTranslations("onboarding.banks");
  const target = await withdrawalTarget(prisma, user);
  const role = user.role === "MERCHANT" ? "MERCHANT" : "BUYER";
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid grid-cols-1 items-start gap-4 md:grid-cols-3">
        <Stat label={t("balance")} value={formatFen(wallet.balanceFen)} testId="wallet-balance" />
        <Card title={t("topUp")} className="md:col-span-1">
          <div id="top-up">
            <TopUpForm />
          </div>
        </Card>
        <Card title={t("withdraw")} className="md:col-span-1">
          {target.kind === "blocked" ? (
            <div className="space-y-3" data-testid="withdraw-blocked">
              <Alert tone={target.reason === "onboarding" ? "info" : "warning"}>{t(`withdrawBlocked.${target.reason}`)}</Alert>
              {target.reason === "onboarding" ? (
                <Link href="/merchant" className={buttonClass("secondary")}>
                  {t("toOnboarding")}
                </Link>
              ) : null}
            </div>
          ) : (
            <WithdrawForm settlement={target.kind === "settlement" ? { bank: tBanks(target.bankCode as never), last4: target.last4 } : undefined} />
          )}
        </Card>
      </div>
      <Card title={t("movements")} className="mt-6">
        {wallet.movements.length === 0 ? (
          <div className="space-y-2 text-sm text-slate-600" data-testid="movements-empty">
            <p>{t("noMovements")}</p>
            <p>
              {t(role === "MERCHANT" ? "noMovementsMerchant" : "noMovementsBuyer")}{" "}
              <a href="#top-up" className="text-brand-700 underline">
                {t("toTopUp")}
              </a>
            </p>
          </div>
        ) : (
          <Table head={[t("time"), t("kind"), t("reference"), t("amountColumn"), t("balanceAfter")]} caption={t("movements")} numeric={[3, 4]}>
            {wallet.movements.map((m) => (
              <tr key={m.id.toString()} data-testid="movement-row">
                <Td>{formatDateTime(m.createdAt, locale)}</Td>
                <Td>{t.has(`kinds.${m.kind}` as never) ? t(`kinds.${m.kind}` as never) : m.kind}</Td>
                <Td>
                  <MovementCauseText cause={m.cause} role={role} />
                </Td>
                <Td className={`text-right tabular-nums ${m.amount < 0n ? "text-red-700" : "text-green-700"}`}>
                  {m.amount > 0n ? "+" : ""}
                  {formatFen(m.amount)}
                </Td>
                <Td className="text-right tabular-nums">{formatFen(m.balanceAfter)}</Td>
              </tr>
            ))}
          </Table>
        )}
        <div className="mt-4 flex flex-wrap gap-2">
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
