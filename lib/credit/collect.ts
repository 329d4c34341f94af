import type { PrismaClient } from "@/lib/generated/prisma/client";
import { afterKey, sweepDue } from "@/lib/jobs/batch";
import { notify } from "@/lib/notifications/notify";
import { type Clock, systemClock } from "@/lib/time/clock";
import { platformDayOf, platformDayStart } from "@/lib/time/platform-day";
import { callRepay, sweepsToFund } from "./repay-call";
import { creditSettings } from "./settings";

/**
 * An order loan whose order will not be released as expected (refunded, disputed, or released without covering the
 * loan) falls due credit.orderLoanFallbackDays after the order left SHIPPED (its closing time, or its latest dispute);
 * from then on it is collected like any instalment. Set-based; returns the loans given a due day.
 */
export async function setOrderLoanFallbacks(db: PrismaClient, now: Date, fallbackDays: number) {
  const rows = await db.$queryRaw<{ loan_id: string; user_id: string; due_day: Date; order_no: string }[]>`
    WITH due AS (
      SELECT l.id AS loan_id,
             platform_day(COALESCE(o.closed_at, (SELECT max(d.created_at) FROM disputes d WHERE d.order_id = o.id), ${now}::timestamptz)) + ${fallbackDays}::int AS due_day
        FROM loans l JOIN orders o ON o.id = l.order_id
       WHERE l.product = 'ORDER' AND l.status <> 'REPAID' AND o.status <> 'SHIPPED'
         AND EXISTS (SELECT 1 FROM loan_instalments i WHERE i.loan_id = l.id AND i.due_day IS NULL)
    )
    UPDATE loan_instalments i SET due_day = due.due_day FROM due
     WHERE i.loan_id = due.loan_id AND i.due_day IS NULL
    RETURNING i.loan_id, i.due_day, (SELECT user_id FROM loans WHERE id = i.loan_id) AS user_id,
              (SELECT o.order_no FROM loans l JOIN orders o ON o.id = l.order_id WHERE l.id = i.loan_id) AS order_no`;
  for (const r of rows) {
    await db.notification.create({ data: { userId: r.user_id, kind: "credit.orderLoanDue", params: { loanId: r.loan_id, orderNo: r.order_no, deadline: platformDayStart(r.due_day.toISOString().slice(0, 10)).toISOString() } } });
  }
  return rows.length;
}

/**
 * The due-date collection and days-past-due job (hourly, and once at start). First the order-loan fallbacks; then
 * every loan with an instalment due by today and not settled, oldest due first, each in its own transaction: the
 * loan's interest brought up to yesterday, then what is due (penalty → interest → principal due) taken from the
 * wallet, then from the fund for merchants with auto-sweep on, as far as they hold it (credit_repay, mode DUE). The
 * same call refreshes the loan's days past due and status, so a loan nobody could collect turns OVERDUE the day after
 * its due day and its days past due grow daily. Safe to run twice or at once: the loan row is locked and what was
 * paid is no longer due; each run's key is its own (auto:<time>), and a repeated key repays nothing.
 */
export async function collectDue(db: PrismaClient, clock: Clock = systemClock) {
  const now = clock.now();
  const settings = await creditSettings();
  const fallbacks = await setOrderLoanFallbacks(db, now, settings.orderLoanFallbackDays);
  const today = platformDayOf(now);
  const result = await sweepDue(
    db,
    "credit.collect",
    async (after, limit) => {
      const k = afterKey(after);
      const rows = await db.$queryRaw<{ id: string; due_at: Date }[]>`
        SELECT l.id, platform_day_start(min(credit_due_day(i.due_day, l.called_day))) AS due_at
          FROM loans l JOIN loan_instalments i ON i.loan_id = l.id
         WHERE l.status <> 'REPAID' AND i.settled_at IS NULL AND credit_due_day(i.due_day, l.called_day) <= ${today}::date
         GROUP BY l.id
        HAVING (platform_day_start(min(credit_due_day(i.due_day, l.called_day))), l.id) > (${k.at}, ${k.id})
         ORDER BY 2, 1 LIMIT ${limit}`;
      return rows.map((r) => ({ id: r.id, dueAt: r.due_at }));
    },
    async (tx, item) => {
      const before = await tx.loan.findUniqueOrThrow({ where: { id: item.id }, select: { status: true, userId: true } });
      if (before.status === "REPAID") return false;
      const repaid = await callRepay(tx, {
        loanId: item.id,
        max: null,
        mode: "DUE",
        useFund: await sweepsToFund(tx, before.userId),
        source: "AUTO",
        key: `auto:${now.toISOString()}`,
        actorId: null,
        now,
      });
      if (repaid.paid > 0n) await notify(tx, before.userId, "credit.collected", { amountFen: repaid.paid.toString(), loanId: item.id });
      if (repaid.status === "OVERDUE" && before.status !== "OVERDUE") await notify(tx, before.userId, "credit.overdue", { loanId: item.id });
      return repaid.paid > 0n;
    },
  );
  return { fallbacks, ...result };
}
