import type { Invariant } from "./verify";

/**
 * Rules on top of double entry: a balanced ledger can still pay a buyer twice. Each is one set-based query
 * over the orders and the journals linked to them (journals.order_id). A new money feature adds its rules here.
 *
 * Per order, the postings of its journals fall on: the buyer's accounts, the order's escrow account, the
 * platform fee account, and the merchant's wallet, reserve and receivable. Money of an order never lands
 * anywhere else, so paid = refunds + dispute payouts + claims + fee + reserve + merchant net + escrow held.
 */
export const BUSINESS_INVARIANTS: Invariant[] = [
  {
    rule: "order_money_stays_with_its_parties",
    describe: "every posting of an order's journals is on the buyer's, the merchant's, the order's escrow or the fee account",
    find: async (tx) =>
      (
        await tx.$queryRaw<{ order_no: string; journal_id: bigint; code: string; amount: bigint }[]>`
          SELECT o.order_no, j.id AS journal_id, a.code, p.amount
            FROM journals j
            JOIN orders o ON o.id = j.order_id
            JOIN merchants m ON m.id = o.merchant_id
            JOIN postings p ON p.journal_id = j.id
            JOIN ledger_accounts a ON a.id = p.account_id
           WHERE NOT (a.order_id = o.id
                   OR (a.user_id IS NOT NULL AND a.user_id = o.buyer_id)
                   OR (a.user_id = m.user_id AND a.type IN ('WALLET', 'RESERVE', 'RECEIVABLE'))
                   OR (a.user_id IS NULL AND a.order_id IS NULL AND a.type = 'PLATFORM_FEE'))`
      ).map((r) => `order ${r.order_no}: journal ${r.journal_id} moves ${r.amount} fen on ${r.code}`),
  },
  {
    rule: "buyer_not_overpaid",
    describe: "no buyer receives more from an order than they paid",
    find: async (tx) =>
      (
        await tx.$queryRaw<{ order_no: string; received: bigint; paid: bigint }[]>`
          SELECT o.order_no,
                 COALESCE(SUM(p.amount) FILTER (WHERE p.amount > 0), 0)::bigint AS received,
                 COALESCE(-SUM(p.amount) FILTER (WHERE p.amount < 0), 0)::bigint AS paid
            FROM orders o
            JOIN journals j ON j.order_id = o.id
            JOIN postings p ON p.journal_id = j.id
            JOIN ledger_accounts a ON a.id = p.account_id AND a.user_id = o.buyer_id
           GROUP BY o.id, o.order_no
          HAVING COALESCE(SUM(p.amount), 0) > 0 OR bool_or(o.refunded_fen + o.claimed_fen > o.total_fen)`
      ).map((r) => `order ${r.order_no}: the buyer paid ${r.paid} fen and received ${r.received} fen back`),
  },
  {
    rule: "order_amounts_match_ledger",
    describe: "per order: paid, refunded, claimed, fee, reserve and net on the order equal its journals, and escrow holds the rest",
    find: async (tx) =>
      (
        await tx.$queryRaw<{ order_no: string; problem: string }[]>`
          WITH s AS (
            SELECT j.order_id,
                   SUM(p.amount) FILTER (WHERE j.kind = 'ESCROW_PAY' AND a.order_id IS NOT NULL) AS paid,
                   SUM(p.amount) FILTER (WHERE j.kind IN ('ESCROW_REFUND', 'DISPUTE_REFUND') AND a.user_id = o.buyer_id) AS refunded,
                   SUM(p.amount) FILTER (WHERE j.kind = 'DISPUTE_CLAIM' AND a.user_id = o.buyer_id) AS claimed,
                   SUM(p.amount) FILTER (WHERE a.type = 'PLATFORM_FEE') AS fee,
                   SUM(p.amount) FILTER (WHERE j.kind = 'ESCROW_RELEASE' AND a.type = 'RESERVE') AS reserve,
                   SUM(p.amount) FILTER (WHERE j.kind = 'ESCROW_RELEASE' AND a.type IN ('WALLET', 'RECEIVABLE') AND a.user_id <> o.buyer_id) AS net
              FROM journals j JOIN orders o ON o.id = j.order_id
              JOIN postings p ON p.journal_id = j.id JOIN ledger_accounts a ON a.id = p.account_id
             GROUP BY j.order_id
          )
          SELECT o.order_no, x.problem
            FROM orders o
            LEFT JOIN s ON s.order_id = o.id
            LEFT JOIN ledger_accounts e ON e.order_id = o.id
            CROSS JOIN LATERAL (VALUES
              (CASE WHEN COALESCE(s.paid, 0) <> CASE WHEN o.paid_at IS NULL THEN 0 ELSE o.total_fen END
                    THEN 'paid ' || COALESCE(s.paid, 0) || ' into escrow, order total ' || o.total_fen || (CASE WHEN o.paid_at IS NULL THEN ' (unpaid)' ELSE '' END) END),
              (CASE WHEN COALESCE(s.refunded, 0) <> o.refunded_fen THEN 'refunds in the ledger ' || COALESCE(s.refunded, 0) || ', on the order ' || o.refunded_fen END),
              (CASE WHEN COALESCE(s.claimed, 0) <> o.claimed_fen THEN 'claims in the ledger ' || COALESCE(s.claimed, 0) || ', on the order ' || o.claimed_fen END),
              (CASE WHEN COALESCE(s.fee, 0) <> COALESCE(o.fee_fen, 0) THEN 'fee in the ledger ' || COALESCE(s.fee, 0) || ', on the order ' || COALESCE(o.fee_fen, 0) END),
              (CASE WHEN COALESCE(s.reserve, 0) <> COALESCE(o.reserve_fen, 0) THEN 'reserve in the ledger ' || COALESCE(s.reserve, 0) || ', on the order ' || COALESCE(o.reserve_fen, 0) END),
              (CASE WHEN COALESCE(s.net, 0) <> COALESCE(o.net_fen, 0) THEN 'net in the ledger ' || COALESCE(s.net, 0) || ', on the order ' || COALESCE(o.net_fen, 0) END),
              (CASE WHEN o.paid_at IS NOT NULL AND COALESCE(e.balance, 0) <> o.total_fen - o.refunded_fen - COALESCE(o.fee_fen + o.reserve_fen + o.net_fen, 0)
                    THEN 'escrow holds ' || COALESCE(e.balance, 0) || ', expected ' || (o.total_fen - o.refunded_fen - COALESCE(o.fee_fen + o.reserve_fen + o.net_fen, 0)) END)
            ) AS x(problem)
           WHERE x.problem IS NOT NULL`
      ).map((r) => `order ${r.order_no}: ${r.problem}`),
  },
  {
    rule: "finished_order_escrow_empty",
    describe: "a completed, cancelled or refunded order's escrow holds nothing",
    find: async (tx) =>
      (
        await tx.$queryRaw<{ order_no: string; status: string; balance: bigint }[]>`
          SELECT o.order_no, o.status::text, e.balance
            FROM orders o JOIN ledger_accounts e ON e.order_id = o.id
           WHERE o.status IN ('COMPLETED', 'CANCELLED', 'REFUNDED') AND e.balance <> 0`
      ).map((r) => `order ${r.order_no} is ${r.status} but its escrow holds ${r.balance} fen`),
  },
  {
    rule: "reserve_holds_match_accounts",
    describe: "each merchant's reserve account equals its reserve holds not yet released",
    find: async (tx) =>
      (
        await tx.$queryRaw<{ user_id: string; balance: bigint; held: bigint }[]>`
          WITH h AS (SELECT user_id, SUM(amount_fen) AS held FROM reserve_holds WHERE released_at IS NULL GROUP BY user_id),
               r AS (SELECT user_id, balance FROM ledger_accounts WHERE type = 'RESERVE')
          SELECT COALESCE(r.user_id, h.user_id) AS user_id, COALESCE(r.balance, 0)::bigint AS balance, COALESCE(h.held, 0)::bigint AS held
            FROM r FULL JOIN h ON h.user_id = r.user_id
           WHERE COALESCE(r.balance, 0) <> COALESCE(h.held, 0)`
      ).map((r) => `user ${r.user_id}: reserve account ${r.balance} fen, unreleased holds ${r.held} fen`),
  },
  {
    rule: "fee_account_matches_orders",
    describe: "the platform fee account equals the sum of the orders' fees",
    find: async (tx) => {
      const [row] = await tx.$queryRaw<{ account: bigint; orders: bigint }[]>`
        SELECT (SELECT COALESCE(SUM(balance), 0) FROM ledger_accounts WHERE type = 'PLATFORM_FEE')::bigint AS account,
               (SELECT COALESCE(SUM(fee_fen), 0) FROM orders)::bigint AS orders`;
      return row.account === row.orders ? [] : [`fee account ${row.account} fen, orders' fees ${row.orders} fen`];
    },
  },
];
