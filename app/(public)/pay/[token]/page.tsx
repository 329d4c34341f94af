import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { payOrderAction } from "@/app/buyer/orders/actions";
import { PaySourceChoice } from "@/components/fund/pay-source-choice";
import { PayDeadEnd } from "@/components/orders/pay-dead-end";
import { ActionForm } from "@/components/orders/action-form";
import { OrderLinesTable } from "@/components/orders/lines-table";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TopUpForm } from "@/components/wallet/top-up-form";
import { getSession } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { isDomainError } from "@/lib/errors/domain-error";
import { getOrderByPayToken } from "@/lib/escrow/lookup";
import { payChoice } from "@/lib/fund/pay-choice";
import { formatFen } from "@/lib/money/fen";
import { isPayToken } from "@/lib/http/path-id";

export async function generateMetadata() {
  return { title: (await getTranslations("pay"))("title") };
}

/** The payment link: sign in (or register) as a buyer, see the order, pay from the wallet, the fund, or both. */
export default async function PayPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if (!isPayToken(token)) notFound();
  const t = await getTranslations("pay");
  const user = await getSession();
  const back = `/pay/${encodeURIComponent(token)}`;
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(back)}`);
  // A link opened with the wrong account, or one that names nothing: say why and offer a way on.
  if (user.role !== "BUYER") return <PayDeadEnd user={user} back={back} reason="notBuyer" />;
  const order = await getOrderByPayToken(prisma, user, token).catch((e) => {
    if (isDomainError(e)) return null;
    throw e;
  });
  if (!order) return <PayDeadEnd user={user} back={back} reason="notFound" />;
  if (order.buyerId === user.userId) {
    return (
      <Card heading="h1" title={t("title")}>
        <Alert tone="success">{t("alreadyPaid")}</Alert>
        <Link href={`/buyer/orders/${order.id}`} className={`${buttonClass("primary")} mt-4`} data-testid="to-order">
          {t("toOrder")}
        </Link>
      </Card>
    );
  }
  const choice = await payChoice(prisma, user, order.totalFen);
  const balance = choice.walletFen;
  // The fund is offered to those who hold some, or who asked payments to draw on it (auto-sweep).
  const withFund = choice.fundFen > 0n || choice.sweepEnabled;
  const available = withFund ? balance + choice.fundFen : balance;
  const closed = order.status !== "CREATED";
  const expired = !closed && order.expiresAt <= new Date();
  const short = available < order.totalFen;
  return (
    <div className="space-y-4">
      <Card heading="h1" title={<span data-testid="pay-title">{t("title")}</span>}>
        <p className="mb-3 break-words text-sm text-slate-600">{t("from", { merchant: order.merchant.displayName, no: order.orderNo })}</p>
        <OrderLinesTable order={order} />
        {order.note ? <p className="mt-2 break-words text-sm text-slate-500">{order.note}</p> : null}
        <p className="mt-4 text-sm">
          {t("balance")} <span className="font-semibold tabular-nums" data-testid="pay-balance">{formatFen(balance)}</span>
          {withFund ? (
            <>
              <span className="mx-2 text-slate-300">·</span>
              {t("fundBalance")} <span className="font-semibold tabular-nums" data-testid="pay-fund-balance">{formatFen(choice.fundFen)}</span>
            </>
          ) : null}
        </p>
        <div className="mt-4" data-testid="pay-state">
          {closed ? (
            <Alert tone="error">{t("closed")}</Alert>
          ) : expired ? (
            <Alert tone="error">{t("expired")}</Alert>
          ) : short ? (
            <Alert tone="warning">{t("short", { missing: formatFen(order.totalFen - available) })}</Alert>
          ) : (
            <ActionForm action={payOrderAction} hidden={{ token }} label={t("submit", { amount: formatFen(order.totalFen) })} testId="pay-form" redirectTo={back}>
              {withFund ? <PaySourceChoice choice={choice} /> : null}
              <p className="text-xs text-slate-500">{t("escrowNote")}</p>
            </ActionForm>
          )}
        </div>
      </Card>
      {!closed && !expired && short ? (
        <Card title={t("topUp")}>
          <TopUpForm />
        </Card>
      ) : null}
    </div>
  );
}
