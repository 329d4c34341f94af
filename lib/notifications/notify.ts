import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/transaction";
import type { NotificationKind } from "./kinds";
import { isEmailKind } from "@/lib/email/kinds";
import { queueEmail } from "@/lib/email/queue";

/**
 * Tells a user something, in the same transaction as the change it announces. `kind` is a key under
 * `notifications.kinds` in the catalogs; `params` fill it and say what it is about (orderId, disputeId: the
 * notification links there, lib/notifications/links.ts). Kinds that also go out by email (lib/email/kinds.ts)
 * are written to the email outbox in the same transaction. With a dedupe key the email is written once per
 * key, and a repeat writes nothing at all. Returns whether anything was written.
 */
export async function notify(tx: Tx, userId: string, kind: NotificationKind, params: Record<string, string | number> = {}, options: { dedupeKey?: string } = {}) {
  if (isEmailKind(kind)) {
    const queued = await queueEmail(tx, { userId, kind, params, dedupeKey: options.dedupeKey });
    if (!queued) return false;
  }
  await tx.notification.create({ data: { userId, kind, params } });
  return true;
}

export async function listNotifications(db: PrismaClient, actor: Actor, limit = 30) {
  return db.notification.findMany({ where: { userId: actor.userId }, orderBy: { id: "desc" }, take: limit });
}

export async function unreadCount(db: PrismaClient, actor: Actor) {
  return db.notification.count({ where: { userId: actor.userId, readAt: null } });
}

/** Marks only the actor's own notifications as read. */
export async function markAllRead(db: PrismaClient, actor: Actor) {
  await db.notification.updateMany({ where: { userId: actor.userId, readAt: null }, data: { readAt: new Date() } });
}
