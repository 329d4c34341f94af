import { assertPermission, type Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors/domain-error";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { addDays, platformDayStart } from "@/lib/time/platform-day";
import type { AuditFilters } from "./filters";

/**
 * The filters as a query on audit_logs: the actor by email (any part, any case) or exactly by user id; the action
 * and the kind of target exactly; the target's id exactly; days in Beijing time, both ends included.
 */
async function whereOf(db: PrismaClient, f: AuditFilters): Promise<Prisma.AuditLogWhereInput> {
  const where: Prisma.AuditLogWhereInput = {};
  if (f.actor) {
    const users = await db.user.findMany({ where: { OR: [{ id: f.actor }, { email: { contains: f.actor, mode: "insensitive" } }] }, select: { id: true }, take: 500 });
    where.actorId = { in: users.map((u) => u.id) };
  }
  if (f.action) where.action = f.action;
  if (f.targetType) where.targetType = f.targetType;
  if (f.targetId) where.targetId = f.targetId;
  if (f.from || f.to) where.createdAt = { ...(f.from ? { gte: platformDayStart(f.from) } : {}), ...(f.to ? { lt: platformDayStart(addDays(f.to, 1)) } : {}) };
  return where;
}

async function withActors<T extends { actorId: string | null }>(db: PrismaClient, rows: T[]) {
  const actorIds = [...new Set(rows.map((r) => r.actorId).filter(Boolean))] as string[];
  const actors = new Map((await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, email: true } })).map((u) => [u.id, u.email]));
  return rows.map((r) => ({ ...r, actorEmail: r.actorId ? (actors.get(r.actorId) ?? r.actorId) : null }));
}

/** The audit log, newest first, keyset-paginated on the entry id, filtered. */
export async function listAudit(db: PrismaClient, actor: Actor, options: AuditFilters & { cursor?: string; limit?: number } = {}) {
  assertPermission(actor, "audit.view");
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  const before = options.cursor && /^\d+$/.test(options.cursor) ? BigInt(options.cursor) : undefined;
  const where = await whereOf(db, options);
  const rows = await db.auditLog.findMany({ where: { ...where, ...(before ? { id: { lt: before } } : {}) }, orderBy: { id: "desc" }, take: limit + 1 });
  const page = await withActors(db, rows.slice(0, limit));
  return { entries: page, nextCursor: rows.length > limit ? page[page.length - 1].id.toString() : null };
}

/** Every filtered entry, newest first, a page at a time (the CSV download): never all of them in memory. */
export async function* auditEntries(db: PrismaClient, actor: Actor, filters: AuditFilters, page = 500) {
  assertPermission(actor, "audit.view");
  const where = await whereOf(db, filters);
  let before: bigint | undefined;
  for (;;) {
    const rows = await db.auditLog.findMany({ where: { ...where, ...(before ? { id: { lt: before } } : {}) }, orderBy: { id: "desc" }, take: page });
    for (const r of await withActors(db, rows)) yield r;
    if (rows.length < page) return;
    before = rows[rows.length - 1].id;
  }
}

/** One entry with its actor, and its before/after field by field: the union of both sides' fields, changed or not. */
export async function auditEntry(db: PrismaClient, actor: Actor, id: string) {
  assertPermission(actor, "audit.view");
  if (!/^\d{1,18}$/.test(id)) throw new DomainError("not_found");
  const row = await db.auditLog.findUnique({ where: { id: BigInt(id) } });
  if (!row) throw new DomainError("not_found");
  const [entry] = await withActors(db, [row]);
  const before = (row.before && typeof row.before === "object" && !Array.isArray(row.before) ? row.before : {}) as Record<string, unknown>;
  const after = (row.after && typeof row.after === "object" && !Array.isArray(row.after) ? row.after : {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const changes = fields.map((field) => ({
    field,
    before: Object.hasOwn(before, field) ? before[field] : undefined,
    after: Object.hasOwn(after, field) ? after[field] : undefined,
    changed: JSON.stringify(before[field]) !== JSON.stringify(after[field]),
  }));
  return { entry, changes };
}
