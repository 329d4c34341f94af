import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Prisma } from "@/lib/generated/prisma/client";

export type Tx = Prisma.TransactionClient;
/** Where a domain function runs its statements: the root client (each statement on its own) or a transaction. */
export type Db = PrismaClient | Tx;

const RETRYABLE_PG_CODES = new Set(["40001", "40P01"]); // serialization failure, deadlock detected

export function isRetryable(error: unknown): boolean {
  const e = error as { code?: string; meta?: { code?: string; driverAdapterError?: { cause?: { code?: string } } }; cause?: unknown; message?: string };
  if (e?.code === "P2034") return true;
  const pgCode = e?.meta?.code ?? e?.meta?.driverAdapterError?.cause?.code ?? (e?.cause as { code?: string } | undefined)?.code;
  if (pgCode && RETRYABLE_PG_CODES.has(pgCode)) return true;
  return /deadlock detected|could not serialize access/i.test(e?.message ?? "");
}

/**
 * Runs `work` in one database transaction. Deadlocks and serialization failures are retried a few times:
 * PostgreSQL rolled the whole transaction back, so running it again is safe.
 */
export async function inTransaction<T>(db: PrismaClient, work: (tx: Tx) => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(work, { maxWait: 10_000, timeout: 20_000 });
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
      await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 20));
    }
  }
}
