import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/transaction";
import { DAY } from "@/lib/time/clock";
import type { CreditSettings } from "./settings";

/**
 * The way back after an overdue loan (docs/credit.md, "Restoration"). It starts when a merchant's last overdue loan
 * is repaid or back to current (credit_refresh_loan) and has three steps, each giving back a third of the limit:
 *   1. CLEAN_DAYS  — credit.restore.cleanDays days since then without anything overdue (a new overdue restarts it);
 *   2. TRADING     — credit.restore.orders orders completed since, and a 30-day dispute rate at most
 *                    credit.restore.maxDisputeRateBps;
 *   3. ON_TIME     — credit.restore.onTimeRepayments instalments paid on time since, or
 *                    credit.restore.fullCleanDays clean days.
 * Steps count in order (a later step met before an earlier one waits for it), and a step once met stays met.
 */
export type RestorationCheck = { code: "CLEAN_DAYS" | "COMPLETED_ORDERS" | "DISPUTE_RATE" | "ON_TIME_REPAYMENTS" | "FULL_CLEAN_DAYS"; current: number; target: number; met: boolean };
export type RestorationStep = { step: 1 | 2 | 3; met: boolean; checks: RestorationCheck[]; any?: boolean };
export type RestorationProgress = { merchantId: string; since: Date; steps: RestorationStep[]; stepsMet: number };

type Row = { merchant_id: string; since: Date; stored: number; completed: number; paid30: number; disputed30: number; on_time: number };

/** Progress of every merchant on the path (merchantId null: all, set-based) at `now`. */
export async function restorationProgress(db: Db, now: Date, settings: CreditSettings, merchantId: string | null = null): Promise<RestorationProgress[]> {
  const since30 = new Date(now.getTime() - 30 * DAY);
  const only = merchantId ? Prisma.sql`AND c.merchant_id = ${merchantId}` : Prisma.empty;
  const rows = await db.$queryRaw<Row[]>`
    SELECT c.merchant_id, c.restoration_since AS since, c.restoration_steps AS stored,
           (SELECT count(*) FROM orders o WHERE o.merchant_id = c.merchant_id AND o.status = 'COMPLETED'
               AND o.completed_at >= c.restoration_since AND o.completed_at <= ${now})::int AS completed,
           (SELECT count(*) FROM orders o WHERE o.merchant_id = c.merchant_id AND o.paid_at >= ${since30} AND o.paid_at <= ${now})::int AS paid30,
           (SELECT count(*) FROM orders o WHERE o.merchant_id = c.merchant_id AND o.paid_at >= ${since30} AND o.paid_at <= ${now}
               AND EXISTS (SELECT 1 FROM disputes d WHERE d.order_id = o.id))::int AS disputed30,
           (SELECT count(*) FROM loan_instalments i JOIN loans l ON l.id = i.loan_id
             WHERE l.merchant_id = c.merchant_id AND i.settled_at >= c.restoration_since
               AND platform_day(i.settled_at) <= credit_due_day(i.due_day, l.called_day))::int AS on_time
      FROM credit_lines c WHERE c.restoration_since IS NOT NULL ${only}
     ORDER BY c.merchant_id`;
  return rows.map((r) => progressOf(r, now, settings));
}

function progressOf(r: Row, now: Date, s: CreditSettings): RestorationProgress {
  const days = Math.max(0, Math.floor((now.getTime() - r.since.getTime()) / DAY));
  const disputeRateBps = r.paid30 > 0 ? Math.round((r.disputed30 * 10_000) / r.paid30) : 0;
  const check = (code: RestorationCheck["code"], current: number, target: number, lowerIsBetter = false): RestorationCheck => ({
    code,
    current,
    target,
    met: lowerIsBetter ? current <= target : current >= target,
  });
  const one = [check("CLEAN_DAYS", days, s.restore.cleanDays)];
  const two = [check("COMPLETED_ORDERS", r.completed, s.restore.orders), check("DISPUTE_RATE", disputeRateBps, s.restore.maxDisputeRateBps, true)];
  const three = [check("ON_TIME_REPAYMENTS", r.on_time, s.restore.onTimeRepayments), check("FULL_CLEAN_DAYS", days, s.restore.fullCleanDays)];
  const steps: RestorationStep[] = [
    { step: 1, checks: one, met: one.every((c) => c.met) },
    { step: 2, checks: two, met: two.every((c) => c.met) },
    { step: 3, checks: three, met: three.some((c) => c.met), any: true },
  ];
  let inOrder = 0;
  while (inOrder < 3 && steps[inOrder].met) inOrder++;
  const stepsMet = Math.max(r.stored, inOrder);
  for (let i = 0; i < stepsMet; i++) steps[i].met = true;
  return { merchantId: r.merchant_id, since: r.since, steps, stepsMet };
}
