import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/transaction";
import type { Fen } from "@/lib/money/fen";

export type Movement = {
  id: bigint;
  journalId: bigint;
  kind: string;
  reference: string | null;
  /** The escrow order the journal belongs to (journals.order_id), with its number, if any. */
  orderId: string | null;
  orderNo: string | null;
  amount: Fen;
  balanceAfter: Fen;
  createdAt: Date;
};

export type MovementPage = { movements: Movement[]; nextCursor: string | null };

/**
 * One account's movements, newest first, each with the running balance right after it. Keyset-paginated on
 * the posting id, so a page costs the same however deep it is.
 */
export async function listMovements(
  db: PrismaClient | Tx,
  accountId: string,
  options: { cursor?: string | null; limit?: number } = {},
): Promise<MovementPage> {
  const limit = Math.min(Math.max(options.limit ?? 20, 1), 100);
  const before = options.cursor && /^\d+$/.test(options.cursor) ? BigInt(options.cursor) : undefined;
  const rows = await db.posting.findMany({
    where: { accountId, ...(before ? { id: { lt: before } } : {}) },
    orderBy: { id: "desc" },
    take: limit + 1,
    include: { journal: { select: { kind: true, reference: true, orderId: true, order: { select: { orderNo: true } } } } },
  });
  const page = rows.slice(0, limit);
  return {
    movements: page.map((p) => ({
      id: p.id,
      journalId: p.journalId,
      kind: p.journal.kind,
      reference: p.journal.reference,
      orderId: p.journal.orderId,
      orderNo: p.journal.order?.orderNo ?? null,
      amount: p.amount,
      balanceAfter: p.balanceAfter,
      createdAt: p.createdAt,
    })),
    nextCursor: rows.length > limit ? page[page.length - 1].id.toString() : null,
  };
}
