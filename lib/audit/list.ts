import type { PrismaClient } from "@/lib/generated/prisma/client";
import { assertPermission, type Actor } from "@/lib/auth/actor";

/** The audit log, newest first, keyset-paginated; optionally one target. */
export async function listAudit(db: PrismaClient, actor: Actor, options: { cursor?: string; targetId?: string; limit?: number } = {}) {
  assertPermission(actor, "audit.view");
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  const before = options.cursor && /^\d+$/.test(options.cursor) ? BigInt(options.cursor) : undefined;
  const rows = await db.auditLog.findMany({
    where: { ...(before ? { id: { lt: before } } : {}), ...(options.targetId ? { targetId: options.targetId } : {}) },
    orderBy: { id: "desc" },
    take: limit + 1,
  });
  const actorIds = [...new Set(rows.map((r) => r.actorId).filter(Boolean))] as string[];
  const actors = new Map((await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, email: true } })).map((u) => [u.id, u.email]));
  const page = rows.slice(0, limit).map((r) => ({ ...r, actorEmail: r.actorId ? (actors.get(r.actorId) ?? r.actorId) : null }));
  return { entries: page, nextCursor: rows.length > limit ? page[page.length - 1].id.toString() : null };
}
