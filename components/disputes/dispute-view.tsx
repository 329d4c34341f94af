import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { remaining } from "@/components/orders/countdown";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import type { getDisputeView } from "@/lib/disputes/queries";
import { isOpen } from "@/lib/disputes/states";
import { formatFen } from "@/lib/money/fen";
import { formatDateTime } from "@/lib/time/format";
import { DisputeActions } from "./dispute-actions";

type View = Awaited<ReturnType<typeof getDisputeView>>;

/** The one page all three parties see: the order, the status and deadline, the thread, their own actions. */
export async function DisputeView({ view, orderHref, aside }: { view: View; orderHref: string; aside?: React.ReactNode }) {
  const t = await getTranslations("disputes");
  const locale = await getLocale();
  const { dispute, party, messages, files, order, authorNames } = view;
  const deadline = dispute.status === "OPEN" ? dispute.merchantDeadline : dispute.status === "AWAITING_BUYER" ? dispute.buyerDeadline : null;
  const now = new Date();
  return (
    <>
      <PageHeader
        title={<span data-testid="dispute-title">{t("title", { no: order.orderNo })}</span>}
        description={`${t(`reasons.${dispute.reason}`)} · ${t("claimed", { amount: formatFen(dispute.claimedFen) })}`}
        actions={<span data-testid="dispute-status"><Badge tone={isOpen(dispute.status) ? "warn" : "good"}>{t(`status.${dispute.status}`)}</Badge></span>}
      />
      <div className="grid items-start gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          {deadline ? (
            <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="dispute-deadline">
              {t(dispute.status === "OPEN" ? "merchantDeadline" : "buyerDeadline", { ...remaining(now, deadline), date: formatDateTime(deadline, locale) })}
            </p>
          ) : null}
          {!isOpen(dispute.status) ? (
            <p className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-900" data-testid="dispute-outcome">
              {t("outcome", { amount: formatFen(dispute.refundedFen ?? 0n) })}
              {dispute.decisionNote ? ` “${dispute.decisionNote}”` : ""}
            </p>
          ) : null}
          <Card title={t("thread")}>
            <ol className="space-y-4" data-testid="dispute-thread">
              {messages.map((m) => (
                <li key={m.id.toString()} className="rounded-md border border-slate-100 p-3 text-sm">
                  <p className="mb-1 text-xs text-slate-500">
                    {t(`roles.${m.authorRole}` as never)} {m.authorId ? authorNames[m.authorId] : ""} · {formatDateTime(m.createdAt, locale)} ·{" "}
                    <span className="font-medium">{t(`kinds.${m.kind}` as never)}</span>
                    {m.amountFen != null ? ` · ${formatFen(m.amountFen)}` : ""}
                  </p>
                  {m.body ? <p className="whitespace-pre-wrap">{m.kind === "DEADLINE" ? t(`deadlineMissed.${m.body}` as never) : m.body}</p> : null}
                  <div className="mt-2 flex flex-wrap gap-2">
                    {files
                      .filter((f) => f.messageId === m.id)
                      .map((f) =>
                        f.mimeType.startsWith("image/") ? (
                          <a key={f.id} href={`/api/dispute-files/${f.id}`} download>
                            {/* eslint-disable-next-line @next/next/no-img-element */}
                            <img src={`/api/dispute-files/${f.id}`} alt={f.originalName} className="h-24 w-24 rounded border object-cover" />
                          </a>
                        ) : (
                          <a key={f.id} className="text-brand-700 underline" href={`/api/dispute-files/${f.id}`} download>
                            {f.originalName}
                          </a>
                        ),
                      )}
                  </div>
                </li>
              ))}
            </ol>
          </Card>
        </div>
        <div className="space-y-6">
          <Card title={t("order")}>
            <p className="text-sm">
              <Link href={orderHref} className="font-mono text-brand-700 hover:underline">{order.orderNo}</Link>
            </p>
            <p className="mt-1 text-sm text-slate-600">{t("orderTotal", { amount: formatFen(order.totalFen) })}</p>
            {dispute.afterCompletion ? <p className="mt-1 text-xs text-slate-500">{t("afterCompletion")}</p> : null}
          </Card>
          {isOpen(dispute.status) ? (
            <Card title={t("actions")}>
              <DisputeActions party={party} disputeId={dispute.id} status={dispute.status} offerFen={dispute.offerFen?.toString() ?? null} claimedFen={dispute.claimedFen.toString()} />
            </Card>
          ) : null}
          {aside}
        </div>
      </div>
    </>
  );
}
