import type { PrismaClient } from "@/lib/generated/prisma/client";
import { inTransaction, type Tx } from "@/lib/db/transaction";

export type BatchFailure = { id: string; error: string };
export type BatchResult = { due: number; done: number; skipped: number; failed: number; failures: BatchFailure[] };

/** A due item and the key it is ordered by (its due time), so a sweep can page through them in a stable order. */
export type DueItem = { id: string; dueAt: Date };

const PAGE = 200;
/** How many failures a run reports in its output; all of them are logged. */
const REPORTED_FAILURES = 20;

/**
 * Runs a periodic sweep as a catch-up over everything due: items come in a stable order (due time, then id),
 * a page at a time, until none is left, so the first run after an outage does all the missed work. Each item
 * is settled in its own transaction: one that fails is rolled back, logged and counted with its id, and the
 * sweep goes on with the rest (a stuck item never holds up the others). `settle` returns false when the item
 * turned out to need nothing (someone else got there first), which is counted as skipped.
 */
export async function sweepDue(
  db: PrismaClient,
  job: string,
  nextPage: (after: DueItem | null, limit: number) => Promise<DueItem[]>,
  settle: (tx: Tx, item: DueItem) => Promise<boolean>,
): Promise<BatchResult> {
  const result: BatchResult = { due: 0, done: 0, skipped: 0, failed: 0, failures: [] };
  let after: DueItem | null = null;
  for (;;) {
    const page = await nextPage(after, PAGE);
    for (const item of page) {
      result.due++;
      try {
        if (await inTransaction(db, (tx) => settle(tx, item))) result.done++;
        else result.skipped++;
      } catch (error) {
        result.failed++;
        const message = (error as Error)?.message?.split("\n").at(-1) ?? String(error);
        if (result.failures.length < REPORTED_FAILURES) result.failures.push({ id: item.id, error: message });
        console.error(JSON.stringify({ level: "error", at: "jobs.sweep", job, item: item.id, message }));
      }
    }
    if (page.length < PAGE) return result;
    after = page[page.length - 1];
  }
}

/** The keyset condition "after this item" in (due time, id) order, for the sweeps' page queries. */
export const afterKey = (after: DueItem | null) => ({ at: after?.dueAt ?? new Date(0), id: after?.id ?? "" });
