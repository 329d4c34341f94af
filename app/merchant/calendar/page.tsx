import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { remaining } from "@/components/orders/countdown";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { requireArea } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { releaseCalendar } from "@/lib/escrow/dashboard";
import { formatFen } from "@/lib/money/fen";
import { formatDateTime } from "@/lib/time/format";

export async function generateMetadata() {
  return { title: (await getTranslations("calendar"))("title") };
}

export default async function ReleaseCalendarPage() {
  const user = await requireArea("merchant");
  const t = await getTranslations("calendar");
  const tOrders = await getTranslations("orders");
  const locale = await getLocale();
  const calendar = await releaseCalendar(prisma, user);
  const now = new Date();
  const max = calendar.days.reduce((m, d) => (d.amountFen > m ? d.amountFen : m), 1n);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Card title={t("byDay")}>
        {/* A bar only where something is released; a quiet day is a dash, not an empty track that looks like a bar. */}
        <ul className="space-y-1 text-sm" data-testid="release-days">
          {calendar.days.map((d) => (
            <li key={d.day} className="grid grid-cols-[3.5rem_1fr_auto] items-center gap-2 sm:grid-cols-[6rem_1fr_7rem]" data-testid="release-day" data-amount={d.amountFen.toString()}>
              <span className="tabular-nums text-slate-600">{d.day.slice(5)}</span>
              {d.amountFen > 0n ? (
                <span className="h-3 min-w-0">
                  <span className="block h-3 rounded bg-brand-600" data-testid="release-bar" style={{ width: `${Math.max(2, Number((d.amountFen * 100n) / max))}%` }} />
                </span>
              ) : (
                <span className="h-px bg-slate-100" aria-hidden="true" />
              )}
              <span className={`text-right tabular-nums ${d.amountFen > 0n ? "font-medium" : "text-slate-600"}`}>{d.amountFen > 0n ? formatFen(d.amountFen) : t("nothing")}</span>
            </li>
          ))}
        </ul>
      </Card>
      <Card title={t("orders")} className="mt-6">
        {calendar.orders.length === 0 ? (
          <div className="space-y-2 text-sm text-slate-600" data-testid="calendar-empty">
            <p>{t("none")}</p>
            <p>
              {t("noneHint")}{" "}
              <Link href="/merchant/orders?status=PAID" className="text-brand-700 underline">
                {t("toShip")}
              </Link>
            </p>
          </div>
        ) : (
          <Table caption={t("orders")} head={[tOrders("orderNoColumn"), t("releases"), t("countdown"), t("amount")]} numeric={[3]}>
            {calendar.orders.map((o) => (
              <tr key={o.id}>
                <Td><Link href={`/merchant/orders/${o.id}`} className="font-mono text-brand-700 hover:underline">{o.orderNo}</Link></Td>
                <Td>{formatDateTime(o.autoConfirmAt!, locale)}</Td>
                <Td>
                  {t("inTime", remaining(now, o.autoConfirmAt!))} {o.extended ? <Badge tone="info">{t("extended")}</Badge> : null}
                </Td>
                <Td className="text-right tabular-nums">{formatFen(o.totalFen - o.refundedFen)}</Td>
              </tr>
            ))}
          </Table>
        )}
        {calendar.frozen.length > 0 ? (
          <div className="mt-4 text-sm">
            <p className="font-medium">{t("frozen")}</p>
            <ul className="mt-1 space-y-1">
              {calendar.frozen.map((o) => (
                <li key={o.id}><Badge tone="warn">{t("frozenBadge")}</Badge> {o.orderNo} · {formatFen(o.totalFen - o.refundedFen)}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </Card>
    </>
  );
}
