import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { EmailStatusBadge } from "@/components/email/status-badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { getOutboxEmail } from "@/lib/email/admin";
import { orNotFound } from "@/lib/http/not-found";
import { pageId } from "@/lib/http/path-id";
import { formatDateTime } from "@/lib/time/format";

export async function generateMetadata() {
  return { title: (await getTranslations("adminOutbox"))("title") };
}

/** One message: its envelope and status, and (outbox folder only) what it said, as text and as its HTML. */
export default async function OutboxEmailPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireAdmin("outbox.view");
  const t = await getTranslations("adminOutbox");
  const locale = await getLocale();
  const email = await orNotFound(getOutboxEmail(prisma, user, await pageId(params)));
  const rows: [string, React.ReactNode][] = [
    [t("status"), <EmailStatusBadge key="s" status={email.status} />],
    [t("to"), email.toAddress ?? email.user.email],
    [t("kind"), t(`kinds.${email.kind}` as never)],
    [t("createdAt"), formatDateTime(email.createdAt, locale)],
    [t("sentAt"), email.sentAt ? formatDateTime(email.sentAt, locale) : "—"],
    [t("attempts"), email.attempts],
    [t("transport"), email.transport ? t(`transports.${email.transport}` as never) : "—"],
  ];
  return (
    <>
      <PageHeader
        title={<span className="break-words" data-testid="outbox-subject">{email.subject ?? t(`kinds.${email.kind}` as never)}</span>}
        actions={
          <Link href="/admin/outbox" className="text-sm font-medium text-brand-700 hover:underline">
            {t("back")}
          </Link>
        }
      />
      <div className="grid grid-cols-1 items-start gap-4 lg:grid-cols-3">
        <Card>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            {rows.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-slate-500">{label}</dt>
                <dd className="break-all text-slate-900">{value}</dd>
              </div>
            ))}
          </dl>
          {email.lastError ? (
            <p className="mt-3 break-words rounded bg-red-50 p-2 font-mono text-xs text-red-800" data-testid="outbox-error">
              {t("lastError")}: {email.lastError}
            </p>
          ) : null}
        </Card>
        <div className="min-w-0 space-y-4 lg:col-span-2">
          {email.textBody ? (
            <>
              <Card title={t("text")}>
                <pre className="whitespace-pre-wrap font-sans [overflow-wrap:anywhere] text-sm text-slate-800" data-testid="outbox-text">{email.textBody}</pre>
              </Card>
              {email.htmlBody ? (
                <Card title={t("html")}>
                  {/* sandbox: the message's HTML can run nothing and navigate nowhere. */}
                  <iframe sandbox="" srcDoc={email.htmlBody} title={t("html")} className="h-96 w-full rounded border border-slate-200" />
                </Card>
              ) : null}
            </>
          ) : (
            <Card>
              <p className="text-sm text-slate-500">{email.status === "PENDING" ? t("notSent") : email.status === "SENT" ? t("noBody") : t("notSentFinal")}</p>
            </Card>
          )}
        </div>
      </div>
    </>
  );
}
