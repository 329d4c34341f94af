import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../lib/generated/prisma/client";

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/**
 * (d) Merchant credit on the bench's dataset: the nightly offers job over every approved merchant (its time, at
 * --merchants N: the goal is stated at 10,000), then `decisions` loan applications decided by lib/credit/apply.ts
 * (scorecard inputs read, scored, decided, stored), one after another, each in its own transaction: p50 and p95.
 * Applications only: nothing is accepted, so no money moves and the ledger verified afterwards is unchanged.
 */
export async function creditBench(prisma: PrismaClient, decisions = 200) {
  const { computeOffers } = await import("../lib/credit/offers");
  const { applyForLoan } = await import("../lib/credit/apply");
  const { inTransaction } = await import("../lib/db/transaction");
  const offersStarted = performance.now();
  const run = await computeOffers(prisma);
  const offersMs = performance.now() - offersStarted;
  console.log(`(d) merchant credit: offers job over ${run.merchants} merchants in ${(offersMs / 1000).toFixed(2)}s (${run.offers} offers; inputs ${run.ms.inputs} ms, scoring ${run.ms.scoring} ms, writing ${run.ms.writing} ms)`);

  const lines = await prisma.creditLine.findMany({ where: { availableFen: { gte: 10_000n } }, select: { userId: true }, take: decisions, orderBy: { merchantId: "asc" } });
  const users = lines.length > 0 ? lines.map((l) => l.userId) : (await prisma.merchant.findMany({ select: { userId: true }, take: decisions })).map((m) => m.userId);
  const times: number[] = [];
  const outcomes: Record<string, number> = {};
  for (let i = 0; i < decisions; i++) {
    const actor = { userId: users[i % users.length], role: "MERCHANT" as const };
    const started = performance.now();
    try {
      const { result } = await inTransaction(prisma, (tx) =>
        applyForLoan(tx, actor, { product: "CREDIT", amountFen: 10_000n, termMonths: 3, method: "EQUAL_INSTALMENT", idempotencyKey: randomUUID() }),
      );
      outcomes[result.status] = (outcomes[result.status] ?? 0) + 1;
    } catch (error) {
      const code = (error as { messageKey?: string; code?: string }).messageKey ?? (error as { code?: string }).code ?? "error";
      outcomes[code] = (outcomes[code] ?? 0) + 1;
    }
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const p50 = percentile(times, 50);
  const p95 = percentile(times, 95);
  console.log(`  loan decisions: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms over ${times.length} (${JSON.stringify(outcomes)}); goal p95 < 1000 ms`);
  return { credit_offers_merchants: run.merchants, credit_offers_job_ms: offersMs, credit_decision_ms: { p50, p95 }, credit_decisions: outcomes };
}
