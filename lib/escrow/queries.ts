import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { assertRole, type Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors/domain-error";

export const ORDER_SORTS = ["created_desc", "created_asc", "total_desc", "total_asc"] as const;
export type OrderSort = (typeof ORDER_SORTS)[number];

export type MerchantOrderFilters = { status?: OrderStatus; from?: Date; to?: Date; q?: string; sort?: OrderSort };

/** The merchant's orders matching the filters. Tenant from the actor, never from the filters. */
export async function merchantOrderWhere(db: PrismaClient, actor: Actor, f: MerchantOrderFilters): Promise<Prisma.OrderWhereInput> {
  assertRole(actor, ["MERCHANT"]);
  const merchant = await db.merchant.findUnique({ where: { userId: actor.userId }, select: { id: true } });
  if (!merchant) throw new DomainError("not_found");
  const q = f.q?.trim();
  return {
    merchantId: merchant.id,
    ...(f.status ? { status: f.status } : {}),
    ...(f.from || f.to ? { createdAt: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lt: f.to } : {}) } } : {}),
    ...(q ? { OR: [{ orderNo: { contains: q } }, { buyer: { email: { contains: q, mode: "insensitive" } } }, { buyerContact: { contains: q, mode: "insensitive" } }] } : {}),
  };
}

const sortSpec = (sort: OrderSort) => {
  const field = sort.startsWith("total") ? "totalFen" : "createdAt";
  const dir = sort.endsWith("asc") ? "asc" : "desc";
  return { field, dir } as const;
};

/** A cursor from a URL is untrusted: one that is not exactly what encodeCursor writes counts as none. */
function decodeCursor(cursor: string | undefined, field: "totalFen" | "createdAt") {
  if (!cursor) return null;
  const [value, id, ...rest] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  if (rest.length > 0 || !value || !id || !/^[a-z0-9-]{1,40}$/.test(id)) return null;
  if (field === "totalFen") return /^\d{1,18}$/.test(value) ? { value: BigInt(value), id } : null;
  const date = new Date(value);
  return /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(value) && !Number.isNaN(date.getTime()) ? { value: date, id } : null;
}

/** Keyset pagination over (sort field, id): stable under inserts and cheap at any depth. */
export async function listMerchantOrders(db: PrismaClient, actor: Actor, filters: MerchantOrderFilters, options: { cursor?: string; limit?: number } = {}) {
  const where = await merchantOrderWhere(db, actor, filters);
  const { field, dir } = sortSpec(filters.sort ?? "created_desc");
  const limit = Math.min(Math.max(options.limit ?? 20, 1), 100);
  const after = decodeCursor(options.cursor, field);
  const cmp = dir === "desc" ? "lt" : "gt";
  const keyset: Prisma.OrderWhereInput | undefined = after
    ? { OR: [{ [field]: { [cmp]: after.value } }, { [field]: after.value, id: { [cmp]: after.id } }] }
    : undefined;
  const rows = await db.order.findMany({
    where: keyset ? { AND: [where, keyset] } : where,
    orderBy: [{ [field]: dir }, { id: dir }],
    take: limit + 1,
    include: { buyer: { select: { email: true, name: true } } },
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > limit && last
      ? Buffer.from(`${field === "totalFen" ? last.totalFen.toString() : last.createdAt.toISOString()}|${last.id}`).toString("base64url")
      : null;
  return { orders: page, nextCursor };
}

export async function listBuyerOrders(db: PrismaClient, actor: Actor, limit = 50) {
  assertRole(actor, ["BUYER"]);
  return db.order.findMany({
    where: { buyerId: actor.userId },
    orderBy: [{ paidAt: "desc" }, { id: "desc" }],
    take: limit,
    include: { merchant: { select: { displayName: true } } },
  });
}

export async function orderTimeline(db: PrismaClient, orderId: string) {
  return db.orderEvent.findMany({ where: { orderId }, orderBy: { id: "asc" } });
}
