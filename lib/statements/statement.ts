import type { Tx } from "@/lib/db/transaction";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Fen } from "@/lib/money/fen";
import type { Period } from "./period";

type Db = PrismaClient | Tx;
const NO_END = 9_223_372_036_854_775_807n;

/**
 * A statement's figures for one account and period. Its movements are the account's postings from the first
 * one written in the period to the first one written after it, in posting order (the order the running balance
 * was computed in, under the account's lock), so opening + in − out = closing holds by construction, and the
 * closing balance is the ledger's balance at the end of the period: the running balance of the last posting
 * before it. The opening and closing chain hashes let a reader check the movements (lib/ledger/hash-chain.ts).
 */
export type StatementSummary = {
  accountId: string;
  startId: bigint;
  endId: bigint;
  openingFen: Fen;
  openingHash: string | null;
  closingFen: Fen;
  closingHash: string | null;
  inFen: Fen;
  outFen: Fen;
  count: number;
};

export async function statementSummary(db: Db, accountId: string, period: Pick<Period, "start" | "end">): Promise<StatementSummary> {
  const [row] = await db.$queryRaw<
    { s: bigint; e: bigint; opening: bigint | null; opening_hash: string | null; closing: bigint | null; closing_hash: string | null; in_fen: bigint; out_fen: bigint; n: number }[]
  >`
    WITH b AS (
      SELECT COALESCE((SELECT min(id) FROM postings WHERE account_id = ${accountId} AND created_at >= ${period.start}), ${NO_END}) AS s,
             COALESCE((SELECT min(id) FROM postings WHERE account_id = ${accountId} AND created_at >= ${period.end}), ${NO_END}) AS e
    )
    SELECT b.s, b.e,
           o.balance_after AS opening, o.hash AS opening_hash,
           c.balance_after AS closing, c.hash AS closing_hash,
           COALESCE(t.in_fen, 0)::bigint AS in_fen, COALESCE(t.out_fen, 0)::bigint AS out_fen, COALESCE(t.n, 0)::int AS n
      FROM b
      LEFT JOIN LATERAL (SELECT balance_after, hash FROM postings WHERE account_id = ${accountId} AND id < b.s ORDER BY id DESC LIMIT 1) o ON true
      LEFT JOIN LATERAL (SELECT balance_after, hash FROM postings WHERE account_id = ${accountId} AND id < b.e ORDER BY id DESC LIMIT 1) c ON true
      LEFT JOIN LATERAL (
        SELECT SUM(amount) FILTER (WHERE amount > 0) AS in_fen, -SUM(amount) FILTER (WHERE amount < 0) AS out_fen, COUNT(*) AS n
          FROM postings WHERE account_id = ${accountId} AND id >= b.s AND id < b.e) t ON true`;
  return {
    accountId,
    startId: row.s,
    endId: row.e,
    openingFen: row.opening ?? 0n,
    openingHash: row.opening_hash,
    closingFen: row.closing ?? 0n,
    closingHash: row.closing_hash,
    inFen: row.in_fen,
    outFen: row.out_fen,
    count: row.n,
  };
}

export type StatementRow = {
  id: bigint;
  journalId: bigint;
  kind: string;
  reference: string | null;
  orderId: string | null;
  orderNo: string | null;
  amount: Fen;
  balanceAfter: Fen;
  hash: string | null;
  createdAt: Date;
};

/** Rows read from the database a page at a time (keyset on the posting id): never all of them in memory. */
export const STATEMENT_PAGE = 2_000;

export async function* statementRows(db: Db, summary: Pick<StatementSummary, "accountId" | "startId" | "endId">, page = STATEMENT_PAGE): AsyncGenerator<StatementRow> {
  let after = summary.startId - 1n;
  for (;;) {
    const rows = await db.$queryRaw<
      { id: bigint; journal_id: bigint; kind: string; reference: string | null; order_id: string | null; order_no: string | null; amount: bigint; balance_after: bigint; hash: string | null; created_at: Date }[]
    >`
      SELECT p.id, p.journal_id, j.kind, j.reference, j.order_id, o.order_no, p.amount, p.balance_after, p.hash, p.created_at
        FROM postings p
        JOIN journals j ON j.id = p.journal_id
        LEFT JOIN orders o ON o.id = j.order_id
       WHERE p.account_id = ${summary.accountId} AND p.id > ${after} AND p.id < ${summary.endId}
       ORDER BY p.id
       LIMIT ${page}`;
    for (const r of rows) {
      yield { id: r.id, journalId: r.journal_id, kind: r.kind, reference: r.reference, orderId: r.order_id, orderNo: r.order_no, amount: r.amount, balanceAfter: r.balance_after, hash: r.hash, createdAt: r.created_at };
    }
    if (rows.length < page) return;
    after = rows[rows.length - 1].id;
  }
}
