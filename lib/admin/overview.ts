import type { PrismaClient } from "@/lib/generated/prisma/client";
import { assertPermission, type Actor } from "@/lib/auth/actor";

/** Headline figures for the admin console. */
export async function getAdminOverview(db: PrismaClient, actor: Actor) {
  assertPermission(actor, "overview.view");
  const [byRole, byStatus, walletTotals, journals] = await Promise.all([
    db.user.groupBy({ by: ["role"], _count: { _all: true } }),
    db.merchant.groupBy({ by: ["status"], _count: { _all: true } }),
    db.ledgerAccount.aggregate({ where: { type: "WALLET" }, _sum: { balance: true } }),
    db.journal.count(),
  ]);
  return {
    users: Object.fromEntries(byRole.map((r) => [r.role, r._count._all])) as Partial<Record<string, number>>,
    merchants: Object.fromEntries(byStatus.map((r) => [r.status, r._count._all])) as Partial<Record<string, number>>,
    walletTotalFen: walletTotals._sum.balance ?? 0n,
    journals,
  };
}

/** Users, newest first, keyset-paginated, with an optional email/name search. */
export async function listUsers(db: PrismaClient, actor: Actor, options: { q?: string; cursor?: string; limit?: number } = {}) {
  assertPermission(actor, "users.view");
  const limit = Math.min(Math.max(options.limit ?? 25, 1), 100);
  const q = options.q?.trim();
  const rows = await db.user.findMany({
    where: q ? { OR: [{ email: { contains: q, mode: "insensitive" } }, { name: { contains: q, mode: "insensitive" } }] } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(options.cursor ? { cursor: { id: options.cursor }, skip: 1 } : {}),
    select: { id: true, email: true, name: true, role: true, adminRole: true, createdAt: true, merchant: { select: { status: true } } },
  });
  const page = rows.slice(0, limit);
  return { users: page, nextCursor: rows.length > limit ? page[page.length - 1].id : null };
}
