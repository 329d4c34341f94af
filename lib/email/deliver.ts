import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { publicUrl } from "@/lib/http/public-url";
import { afterKey, sweepDue } from "@/lib/jobs/batch";
import { notificationHref } from "@/lib/notifications/links";
import { type Clock, HOUR, MINUTE, systemClock } from "@/lib/time/clock";
import { EMAIL_KINDS } from "./kinds";
import { renderEmail } from "./render";
import type { EmailTransport } from "./transport";

export const DELIVERY = {
  /** After this many failed attempts a message is FAILED and left for an administrator to see. */
  maxAttempts: 8,
  /** 1, 2, 4 … minutes after a failure, at most 2 hours. */
  retryDelayMs: (attempts: number) => Math.min(2 ** (attempts - 1) * MINUTE, 2 * HOUR),
} as const;

/** The first line of an error, short: what the admin outbox page shows. */
const describe = (error: unknown) => String((error as Error)?.message ?? error).split("\n")[0].slice(0, 500);

type Row = { id: bigint; kind: string; params: Record<string, unknown>; attempts: number; email: string; locale: string; name: string; role: Role };

/**
 * The email.deliver job: sends every outbox message that is due, oldest first, each in its own transaction
 * (lib/jobs/batch.ts). The row is locked (SKIP LOCKED) and checked to be still PENDING before it is sent and
 * marked SENT in the same transaction, so two runs at once, or a run repeated, send each message once. A
 * failed send is recorded on the row (attempts, error, next attempt with a growing delay) and the run goes
 * on; after the last attempt the message is FAILED. The message is rendered now, in the recipient's current
 * language, to their current address.
 *
 * The one case that can repeat a message: the server accepted it and the database then failed to commit
 * (crash, lost connection) before the row said SENT. Outbox delivery is at least once; this is that window.
 */
export async function deliverDueEmails(db: PrismaClient, transport: EmailTransport, clock: Clock = systemClock) {
  const now = clock.now();
  const sendFailures: { id: string; error: string }[] = [];
  const result = await sweepDue(
    db,
    "email.deliver",
    async (after, limit) => {
      const k = afterKey(after);
      const rows = await db.$queryRaw<{ id: string; due_at: Date }[]>`
        SELECT id::text AS id, COALESCE(next_attempt_at, created_at) AS due_at FROM email_outbox
         WHERE status = 'PENDING' AND (next_attempt_at IS NULL OR next_attempt_at <= ${now})
           AND (COALESCE(next_attempt_at, created_at), id::text) > (${k.at}, ${k.id})
         ORDER BY 2, 1 LIMIT ${limit}`;
      return rows.map((r) => ({ id: r.id, dueAt: r.due_at }));
    },
    async (tx, item) => {
      const [row] = await tx.$queryRaw<Row[]>`
        SELECT e.id, e.kind, e.params, e.attempts, u.email, u.locale, u.name, u.role
          FROM email_outbox e JOIN users u ON u.id = e.user_id
         WHERE e.id = ${BigInt(item.id)} AND e.status = 'PENDING' FOR UPDATE OF e SKIP LOCKED`;
      if (!row) return false;
      const kind = EMAIL_KINDS[row.kind];
      const prepared = kind?.prepare ? await kind.prepare(tx, row.params, now) : { params: row.params };
      if (!prepared) {
        await tx.outboxEmail.update({ where: { id: row.id }, data: { status: "SKIPPED", toAddress: row.email } });
        return true;
      }
      let message: ReturnType<typeof renderEmail>;
      let sent: { messageId: string };
      try {
        if (!kind) throw new Error(`Unknown email kind "${row.kind}"`);
        const path = prepared.path ?? notificationHref(row.kind, prepared.params, row.role) ?? "/";
        message = renderEmail({ kind: row.kind, locale: row.locale, name: row.name, params: prepared.params, url: publicUrl(path) });
        sent = await transport.send({ id: row.id, kind: row.kind, to: row.email, subject: message.subject, text: message.text, html: message.html });
      } catch (error) {
        const attempts = row.attempts + 1;
        const failed = attempts >= DELIVERY.maxAttempts;
        sendFailures.push({ id: item.id, error: describe(error) });
        console.error(JSON.stringify({ level: "error", at: "email.deliver", id: item.id, attempts, message: describe(error) }));
        await tx.outboxEmail.update({
          where: { id: row.id },
          data: {
            status: failed ? "FAILED" : "PENDING",
            attempts,
            lastError: describe(error),
            toAddress: row.email,
            nextAttemptAt: failed ? null : new Date(now.getTime() + DELIVERY.retryDelayMs(attempts)),
          },
        });
        return false;
      }
      await tx.outboxEmail.update({
        where: { id: row.id },
        data: {
          status: "SENT",
          sentAt: now,
          attempts: row.attempts + 1,
          lastError: null,
          toAddress: row.email,
          locale: message.locale,
          subject: message.subject,
          transport: transport.name,
          messageId: sent.messageId,
          ...(transport.keepsBodies ? { textBody: message.text, htmlBody: message.html } : {}),
        },
      });
      return true;
    },
  );
  return { ...result, sent: result.done, sendFailures };
}
