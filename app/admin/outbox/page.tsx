import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { EmailStatusBadge } from "@/components/email/status-badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { EMAIL_STATUSES, listOutbox } from "@/lib/email/admin";
import { bigintCursor, oneOf, readSearchParams, toQueryString, type RawSearchParams } from "@/lib/http/search-params";
import { formatDateTime } from "@/lib/time/format";

export async function generateMetadata() {
  return { title: (await getTranslations("adminOutbox"))("title") };
}

// Older pages continue before the last id seen (the outbox id is a bigint).
const QUERY = { status: oneOf(EMAIL_STATUSES), before: bigintCursor };

export default async function OutboxPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireAdmin("outbox.view");
  const t = await getTranslations("adminOutbox");
  const locale = await getLocale();
  const { emails, status, nextBefore } = await listOutbox(prisma, user, readSearchParams(await searchParams, QUERY));
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <form className="mb-4 flex flex-wrap items-end gap-2" role="search">
          <label className="text-sm">
            <span className="mb-1 block font-medium text-slate-700">{t("status")}</span>
            <select name="status" defaultValue={status ?? ""} className="rounded-md border border-slate-300 px-3 py-2 text-sm">
              <option value="">{t("allStatuses")}</option>
              {EMAIL_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`statuses.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <button className={buttonClass("secondary")}>{t("filter")}</button>
        </form>
        {emails.length === 0 ? (
          <p className="text-sm text-slate-500">{t("empty")}</p>
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="outbox">
            {emails.map((e) => (
              <li key={e.id.toString()} className="py-3" data-testid="outbox-row" data-kind={e.kind} data-to={e.user.email}>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <Link href={`/admin/outbox/${e.id}`} className="min-w-0 break-words text-sm font-medium text-brand-700 hover:underline">
                    {e.subject ?? `${t(`kinds.${e.kind}` as never)} ${t("pendingSubject")}`}
                  </Link>
                  <EmailStatusBadge status={e.status} />
                </div>
                <p className="mt-1 flex flex-wrap gap-x-3 text-xs text-slate-500">
                  <span className="break-all">{e.toAddress ?? e.user.email}</span>
                  <span>{t(`kinds.${e.kind}` as never)}</span>
                  <span>{formatDateTime(e.sentAt ?? e.createdAt, locale)}</span>
                  {e.attempts > 1 ? <span>{t("attempts")}: {e.attempts}</span> : null}
                </p>
              </li>
            ))}
          </ul>
        )}
        {nextBefore ? (
          <Link href={`/admin/outbox?${toQueryString({ status, before: nextBefore })}`} className={`${buttonClass("secondary")} mt-4`}>
            {t("older")}
          </Link>
        ) : null}
      </Card>
    </>
  );
}
