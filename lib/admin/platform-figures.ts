import type { PrismaClient } from "@/lib/generated/prisma/client";
import { assertPermission, type Actor } from "@/lib/auth/actor";
import type { Fen } from "@/lib/money/fen";
import { addDays, daysBetween, platformDayStart } from "@/lib/time/platform-day";

/**
 * The platform overview: money figures per Asia/Shanghai day, read from the ledger itself (postings of
 * journals by kind and account type), so every figure ties to the ledger by construction. Order and dispute
 * counts come from their tables. Definitions (docs/admin.md, "Platform overview"):
 * - GMV: what buyers paid into escrow (ESCROW_PAY postings on escrow accounts);
 * - released: what left escrow on release (fee + reserve + merchant net);
 * - fees: every posting on the platform fee account (so the range's fees add up to the account's movement);
 * - refunds: every payout to an order's buyer (refunds, dispute refunds and claims);
 * - fund yield: FUND_YIELD credited to holders.
 */
export type DayFigures = {
  day: string;
  gmvFen: Fen;
  ordersPaid: number;
  releasedFen: Fen;
  feesFen: Fen;
  refundsFen: Fen;
  fundYieldFen: Fen;
  ordersCreated: number;
  disputesOpened: number;
};

export type PlatformFigures = {
  from: string;
  to: string;
  days: DayFigures[];
  totals: Omit<DayFigures, "day">;
  /** Disputes opened in the range ÷ orders paid in the range, in basis points; null with no paid order. */
  disputeRateBps: number | null;
  now: { escrowHeldFen: Fen; feeAccountFen: Fen; fundSizeFen: Fen; fundHolders: number; disputesOpen: number; walletsFen: Fen };
};

/** The longest range one overview covers: a year of days. */
export const MAX_OVERVIEW_DAYS = 366;

type MoneyRow = { day: string; gmv: bigint; orders_paid: number; released: bigint; fees: bigint; refunds: bigint; fund_yield: bigint };
type CountRow = { day: string; n: number };

export async function platformFigures(db: PrismaClient, actor: Actor, range: { from: string; to: string }): Promise<PlatformFigures> {
  assertPermission(actor, "overview.view");
  const { from, to } = range;
  if (from > to || daysBetween(from, to).length > MAX_OVERVIEW_DAYS) throw new RangeError(`bad overview range ${from}..${to}`);
  const start = platformDayStart(from);
  const end = platformDayStart(addDays(to, 1));
  // The day is computed in SQL with the same fixed +8 hours as lib/time/platform-day.ts.
  const [money, created, opened, now] = await Promise.all([
    db.$queryRaw<MoneyRow[]>`
      SELECT to_char(j.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day,
             COALESCE(SUM(p.amount) FILTER (WHERE j.kind = 'ESCROW_PAY' AND a.type = 'ESCROW'), 0)::bigint AS gmv,
             COUNT(DISTINCT j.id) FILTER (WHERE j.kind = 'ESCROW_PAY')::int AS orders_paid,
             COALESCE(-SUM(p.amount) FILTER (WHERE j.kind = 'ESCROW_RELEASE' AND a.type = 'ESCROW'), 0)::bigint AS released,
             COALESCE(SUM(p.amount) FILTER (WHERE a.type = 'PLATFORM_FEE'), 0)::bigint AS fees,
             COALESCE(SUM(p.amount) FILTER (WHERE j.kind IN ('ESCROW_REFUND', 'DISPUTE_REFUND', 'DISPUTE_CLAIM')
                                             AND a.user_id = o.buyer_id AND p.amount > 0), 0)::bigint AS refunds,
             COALESCE(SUM(p.amount) FILTER (WHERE j.kind = 'FUND_YIELD' AND a.type = 'FUND'), 0)::bigint AS fund_yield
        FROM journals j
        JOIN postings p ON p.journal_id = j.id
        JOIN ledger_accounts a ON a.id = p.account_id
        LEFT JOIN orders o ON o.id = j.order_id
       WHERE j.created_at >= ${start} AND j.created_at < ${end}
       GROUP BY 1`,
    db.$queryRaw<CountRow[]>`
      SELECT to_char(created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day, COUNT(*)::int AS n
        FROM orders WHERE created_at >= ${start} AND created_at < ${end} GROUP BY 1`,
    db.$queryRaw<CountRow[]>`
      SELECT to_char(created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day, COUNT(*)::int AS n
        FROM disputes WHERE created_at >= ${start} AND created_at < ${end} GROUP BY 1`,
    db.$queryRaw<{ escrow: bigint; fee: bigint; fund: bigint; holders: number; wallets: bigint; disputes_open: number }[]>`
      SELECT COALESCE(SUM(balance) FILTER (WHERE type = 'ESCROW'), 0)::bigint AS escrow,
             COALESCE(SUM(balance) FILTER (WHERE type = 'PLATFORM_FEE'), 0)::bigint AS fee,
             COALESCE(SUM(balance) FILTER (WHERE type = 'FUND'), 0)::bigint AS fund,
             (COUNT(*) FILTER (WHERE type = 'FUND' AND balance > 0))::int AS holders,
             COALESCE(SUM(balance) FILTER (WHERE type = 'WALLET'), 0)::bigint AS wallets,
             (SELECT COUNT(*) FROM disputes WHERE status IN ('OPEN', 'AWAITING_BUYER', 'ESCALATED'))::int AS disputes_open
        FROM ledger_accounts`,
  ]);

  const byDay = new Map(money.map((r) => [r.day, r]));
  const createdBy = new Map(created.map((r) => [r.day, r.n]));
  const openedBy = new Map(opened.map((r) => [r.day, r.n]));
  const days = daysBetween(from, to).map((day): DayFigures => {
    const m = byDay.get(day);
    return {
      day,
      gmvFen: m?.gmv ?? 0n,
      ordersPaid: m?.orders_paid ?? 0,
      releasedFen: m?.released ?? 0n,
      feesFen: m?.fees ?? 0n,
      refundsFen: m?.refunds ?? 0n,
      fundYieldFen: m?.fund_yield ?? 0n,
      ordersCreated: createdBy.get(day) ?? 0,
      disputesOpened: openedBy.get(day) ?? 0,
    };
  });
  const totals = days.reduce(
    (t, d) => ({
      gmvFen: t.gmvFen + d.gmvFen,
      ordersPaid: t.ordersPaid + d.ordersPaid,
      releasedFen: t.releasedFen + d.releasedFen,
      feesFen: t.feesFen + d.feesFen,
      refundsFen: t.refundsFen + d.refundsFen,
      fundYieldFen: t.fundYieldFen + d.fundYieldFen,
      ordersCreated: t.ordersCreated + d.ordersCreated,
      disputesOpened: t.disputesOpened + d.disputesOpened,
    }),
    { gmvFen: 0n, ordersPaid: 0, releasedFen: 0n, feesFen: 0n, refundsFen: 0n, fundYieldFen: 0n, ordersCreated: 0, disputesOpened: 0 },
  );
  const [n] = now;
  return {
    from,
    to,
    days,
    totals,
    disputeRateBps: totals.ordersPaid === 0 ? null : Math.round((totals.disputesOpened * 10_000) / totals.ordersPaid),
    now: { escrowHeldFen: n.escrow, feeAccountFen: n.fee, fundSizeFen: n.fund, fundHolders: n.holders, disputesOpen: n.disputes_open, walletsFen: n.wallets },
  };
}
