import type { Tx } from "@/lib/db/transaction";

/** The job that sends what the outbox holds (lib/email/deliver.ts); the web process queues it after a reset request. */
export const DELIVER_EMAILS_JOB = "email.deliver";

export type QueuedEmail = { userId: string; kind: string; params?: Record<string, unknown>; dedupeKey?: string };

/**
 * Writes an email into the outbox, in the caller's transaction: it exists exactly when the change it announces
 * commits, and sending (the email.deliver job) can never hold up or undo that change. With a dedupe key, a
 * second message with the same key is not written. Returns whether it was written.
 */
export async function queueEmail(tx: Tx, email: QueuedEmail): Promise<boolean> {
  const written = await tx.$executeRaw`
    INSERT INTO email_outbox (user_id, kind, params, dedupe_key)
    VALUES (${email.userId}, ${email.kind}, ${JSON.stringify(email.params ?? {})}::jsonb, ${email.dedupeKey ?? null})
    ON CONFLICT (dedupe_key) DO NOTHING`;
  return written === 1;
}
