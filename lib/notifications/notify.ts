import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/transaction";
import type { NotificationKind } from "./kinds";

/** In the same transaction as the change it announces. `kind` is a key under `notifications.kinds.` in the catalogs. */
export async function notify(tx: Tx, userId: string, kind: NotificationKind, params: Record<string, string | number> = {}) {
  await tx.notification.create({ data: { userId, kind, params } });
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
