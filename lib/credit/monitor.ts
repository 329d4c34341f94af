import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record";
import { sweepDue } from "@/lib/jobs/batch";
import { notify } from "@/lib/notifications/notify";
import { type Clock, DAY, systemClock } from "@/lib/time/clock";
import { dateColumn, platformDayOf } from "@/lib/time/platform-day";
import { assessMerchant } from "./assess";
import { creditSettings, type CreditSettings } from "./settings";

export type Signal = "DISPUTE_SPIKE" | "SALES_DROP" | "WITHDRAWAL_DRAIN";
export type MonitorAction = "FREEZE" | "RAISE_SHARE" | "CALL_DUE" | "UNFREEZE";

type SignalRow = { merchant_id: string; user_id: string; paid30: number; disputed30: number; net30: bigint; net_prev60: bigint; drained: boolean; frozen: boolean; share: number; uncalled: number };

/**
 * What post-loan monitoring sees for each borrower (a merchant with a loan not yet repaid), set-based:
 *   DISPUTE_SPIKE    — the 30-day dispute rate (lib/disputes/stats.ts's definition) at credit.monitor.disputeRateBps or more;
 *   SALES_DROP       — 30-day net sales below the average 30 days of the 60 before by credit.monitor.salesDropBps or more;
 *   WITHDRAWAL_DRAIN — a loan disbursed within credit.monitor.drainDays, and withdrawals since its disbursement of at
 *                      least credit.monitor.drainShareBps of it (the money taken out rather than used).
 */
export async function borrowerSignals(db: PrismaClient, now: Date, s: CreditSettings): Promise<Map<string, { userId: string; signals: Signal[]; frozen: boolean; share: number; uncalled: number; details: Record<string, string> }>> {
  const since30 = new Date(now.getTime() - 30 * DAY);
  const since90 = new Date(now.getTime() - 90 * DAY);
  const drainSince = new Date(now.getTime() - s.monitor.drainDays * DAY);
  const rows = await db.$queryRaw<SignalRow[]>`
    WITH b AS (
      SELECT merchant_id, min(user_id) AS user_id, count(*) FILTER (WHERE called_day IS NULL)::int AS uncalled
        FROM loans WHERE status <> 'REPAID' GROUP BY merchant_id
    ), o AS (
      SELECT o.merchant_id,
             count(*) FILTER (WHERE o.paid_at >= ${since30})::int AS paid30,
             count(*) FILTER (WHERE o.paid_at >= ${since30} AND EXISTS (SELECT 1 FROM disputes d WHERE d.order_id = o.id))::int AS disputed30,
             COALESCE(sum(o.total_fen - o.refunded_fen - o.claimed_fen) FILTER (WHERE o.paid_at >= ${since30}), 0)::bigint AS net30,
             COALESCE(sum(o.total_fen - o.refunded_fen - o.claimed_fen) FILTER (WHERE o.paid_at < ${since30}), 0)::bigint AS net_prev60
        FROM orders o JOIN b ON b.merchant_id = o.merchant_id
       WHERE o.paid_at >= ${since90} AND o.paid_at <= ${now}
       GROUP BY o.merchant_id
    ), drain AS (
      SELECT l.merchant_id, bool_or(COALESCE(w.out, 0) * 10000 >= l.principal_fen * ${s.monitor.drainShareBps}) AS drained
        FROM loans l
        JOIN journals dj ON dj.loan_id = l.id AND dj.kind = 'LOAN_DISBURSE'
        LEFT JOIN LATERAL (
          SELECT -sum(p.amount) AS out FROM postings p JOIN journals j ON j.id = p.journal_id
            JOIN ledger_accounts a ON a.id = p.account_id
           WHERE a.code = 'user:' || l.user_id || ':WALLET:CNY' AND j.kind = 'WITHDRAWAL' AND p.journal_id > dj.id
        ) w ON true
       WHERE l.status <> 'REPAID' AND l.disbursed_at >= ${drainSince}
       GROUP BY l.merchant_id
    )
    SELECT b.merchant_id, b.user_id, COALESCE(o.paid30, 0) AS paid30, COALESCE(o.disputed30, 0) AS disputed30,
           COALESCE(o.net30, 0)::bigint AS net30, COALESCE(o.net_prev60, 0)::bigint AS net_prev60,
           COALESCE(drain.drained, false) AS drained, COALESCE(c.frozen, false) AS frozen, COALESCE(c.release_share_bps, 0) AS share, b.uncalled
      FROM b LEFT JOIN o ON o.merchant_id = b.merchant_id LEFT JOIN drain ON drain.merchant_id = b.merchant_id
      LEFT JOIN credit_lines c ON c.merchant_id = b.merchant_id
     ORDER BY b.merchant_id`;
  const out = new Map<string, { userId: string; signals: Signal[]; frozen: boolean; share: number; uncalled: number; details: Record<string, string> }>();
  for (const r of rows) {
    const signals: Signal[] = [];
    const rate30 = r.paid30 > 0 ? Math.round((r.disputed30 * 10_000) / r.paid30) : 0;
    if (r.paid30 > 0 && rate30 >= s.monitor.disputeRateBps) signals.push("DISPUTE_SPIKE");
    // net30 against the 60 days before, per 30 days: a drop of salesDropBps or more.
    if (r.net_prev60 > 0n && r.net30 * 2n * 10_000n <= r.net_prev60 * BigInt(10_000 - s.monitor.salesDropBps)) signals.push("SALES_DROP");
    if (r.drained) signals.push("WITHDRAWAL_DRAIN");
    out.set(r.merchant_id, {
      userId: r.user_id,
      signals,
      frozen: r.frozen,
      share: r.share,
      uncalled: r.uncalled,
      details: { disputeRate30Bps: String(rate30), net30Fen: r.net30.toString(), netPrev60Fen: r.net_prev60.toString() },
    });
  }
  return out;
}

/**
 * The daily post-loan monitoring job (03:00 Asia/Shanghai). Each borrower, in its own transaction: re-scored (a
 * MONITOR assessment, which also refreshes its offer), its signals read, and the admin thresholds applied:
 *   any signal                                 → FREEZE new draws;
 *   any signal, with loans outstanding         → RAISE_SHARE of every release taken for the loans to
 *                                                 credit.monitor.raisedReleaseShareBps;
 *   a withdrawal drain, or credit.monitor.callDueSignals signals at once → CALL_DUE: every instalment not yet due
 *                                                 falls due today (collected by credit.collect, overdue from tomorrow);
 *   no signal any more on a frozen line        → UNFREEZE (and the share back to the overdue rule alone).
 * Each action is notified to the merchant and audited (actor: the system). One run per merchant and day
 * (credit_monitor_events' unique key): running it twice does nothing more.
 */
export async function monitorBorrowers(db: PrismaClient, clock: Clock = systemClock) {
  const now = clock.now();
  const today = platformDayOf(now);
  const settings = await creditSettings();
  const seen = await borrowerSignals(db, now, settings);
  const ids = [...seen.keys()];
  return sweepDue(
    db,
    "credit.monitor",
    async (after) => {
      const start = after ? ids.indexOf(after.id) + 1 : 0;
      return ids.slice(start, start + 200).map((id) => ({ id, dueAt: now }));
    },
    async (tx, { id: merchantId }) => {
      const s = seen.get(merchantId)!;
      const claimed = await tx.$executeRaw`
        INSERT INTO credit_monitor_events (merchant_id, day, signals, actions, details) VALUES (${merchantId}, ${dateColumn(today)}, ${s.signals}::text[], '{}', ${JSON.stringify(s.details)}::jsonb)
        ON CONFLICT (merchant_id, day) DO NOTHING`;
      if (claimed === 0) return false;
      // Lock order: loans, then the credit line.
      await tx.$queryRaw`SELECT id FROM loans WHERE merchant_id = ${merchantId} AND status <> 'REPAID' ORDER BY id FOR UPDATE`;
      await tx.$executeRaw`INSERT INTO credit_lines (merchant_id, user_id, updated_at) VALUES (${merchantId}, ${s.userId}, ${now}) ON CONFLICT (merchant_id) DO NOTHING`;
      const [line] = await tx.$queryRaw<{ frozen: boolean; release_share_bps: number }[]>`SELECT frozen, release_share_bps FROM credit_lines WHERE merchant_id = ${merchantId} FOR UPDATE`;
      const actions: MonitorAction[] = [];
      if (s.signals.length > 0) {
        if (!line.frozen) actions.push("FREEZE");
        if (line.release_share_bps < settings.monitor.raisedReleaseShareBps) actions.push("RAISE_SHARE");
        if ((s.signals.includes("WITHDRAWAL_DRAIN") || s.signals.length >= settings.monitor.callDueSignals) && s.uncalled > 0) actions.push("CALL_DUE");
      } else if (line.frozen) actions.push("UNFREEZE");
      if (actions.includes("FREEZE") || actions.includes("RAISE_SHARE")) {
        await tx.creditLine.update({
          where: { merchantId },
          data: { frozen: true, frozenSignals: s.signals, releaseShareBps: Math.max(line.release_share_bps, settings.monitor.raisedReleaseShareBps), updatedAt: now },
        });
      }
      if (actions.includes("UNFREEZE")) await tx.creditLine.update({ where: { merchantId }, data: { frozen: false, frozenSignals: [], releaseShareBps: 0, updatedAt: now } });
      if (actions.includes("CALL_DUE")) {
        const called = await tx.$queryRaw<{ id: string }[]>`
          UPDATE loans SET called_day = ${dateColumn(today)}, updated_at = ${now} WHERE merchant_id = ${merchantId} AND status <> 'REPAID' AND called_day IS NULL RETURNING id`;
        for (const loan of called) await tx.$queryRaw`SELECT credit_refresh_loan(${loan.id}, ${now})`;
      }
      await assessMerchant(tx, merchantId, now, "MONITOR", settings);
      await tx.$executeRaw`UPDATE credit_monitor_events SET actions = ${actions}::text[] WHERE merchant_id = ${merchantId} AND day = ${dateColumn(today)}`;
      for (const action of actions) {
        await notify(tx, s.userId, `credit.monitor.${action}`, { signals: s.signals.join(",") });
        await recordAudit(tx, { actorId: null, action: `credit.monitor.${action.toLowerCase() as Lowercase<MonitorAction>}`, targetType: "merchant", targetId: merchantId, before: { frozen: line.frozen, releaseShareBps: line.release_share_bps }, after: { signals: s.signals, ...s.details } });
      }
      return actions.length > 0;
    },
  );
}
