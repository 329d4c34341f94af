import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { assertPermission, type Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors/domain-error";
import { orderAccountCode } from "@/lib/ledger/accounts";

export type AdminOrderSearch = { q?: string; status?: OrderStatus; cursor?: string };

const PAGE = 50;

function decodeCursor(cursor: string | undefined) {
  if (!cursor) return null;
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const date = new Date(at ?? "");
  return id && !Number.isNaN(date.getTime()) ? { at: date, id } : null;
}

/**
 * Every merchant's orders for the platform's staff: by order number (or its start), buyer email or contact,
 * or merchant name, and by status; newest first, keyset-paginated.
 */
export async function searchOrdersForAdmin(db: PrismaClient, actor: Actor, search: AdminOrderSearch) {
  assertPermission(actor, "orders.view_all");
  const q = search.q?.trim();
  const where: Prisma.OrderWhereInput = {
    ...(search.status ? { status: search.status } : {}),
    ...(q
      ? {
          OR: [
            { orderNo: { startsWith: q } },
            { buyer: { email: { contains: q, mode: "insensitive" } } },
            { buyerContact: { contains: q, mode: "insensitive" } },
            { merchant: { displayName: { contains: q, mode: "insensitive" } } },
          ],
        }
      : {}),
  };
  const after = decodeCursor(search.cursor);
  const keyset: Prisma.OrderWhereInput | undefined = after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] } : undefined;
  const rows = await db.order.findMany({
    where: keyset ? { AND: [where, keyset] } : where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: PAGE + 1,
    include: { merchant: { select: { id: true, displayName: true } }, buyer: { select: { email: true } } },
  });
  const page = rows.slice(0, PAGE);
  const last = page.at(-1);
  return { orders: page, nextCursor: rows.length > PAGE && last ? Buffer.from(`${last.createdAt.toISOString()}|${last.id}`).toString("base64url") : null };
}

/**
 * One order as the platform sees it, with who bought and sold it, its disputes, and where its money went: what
 * was paid, refunded before completion, paid back on an after-sale claim, taken as fee, held as reserve, credited
 * to the merchant, and what escrow still holds.
 */
export async function getOrderForAdmin(db: PrismaClient, actor: Actor, orderId: string) {
  assertPermission(actor, "orders.view_all");
  const order = await db.order.findUnique({
    where: { id: orderId },
    include: {
      lines: { orderBy: { id: "asc" } },
      merchant: { select: { id: true, displayName: true } },
      buyer: { select: { id: true, email: true, name: true } },
      disputes: { orderBy: { createdAt: "asc" }, select: { id: true, status: true, claimedFen: true, refundedFen: true, afterCompletion: true, createdAt: true } },
    },
  });
  if (!order) throw new DomainError("not_found");
  const escrow = await db.ledgerAccount.findUnique({ where: { code: orderAccountCode(order.id) }, select: { balance: true } });
  return { order, escrowHeldFen: escrow?.balance ?? 0n };
}
