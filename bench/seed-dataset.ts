import type pg from "pg";

/**
 * A large merchant dataset straight in SQL (the app's functions would take hours for a million orders):
 * approved merchants with settlement accounts, buyers, and completed historical orders spread over 60 days,
 * each with the journals it would have had (the buyers' top-ups, payment into escrow, release of total − fee to
 * the merchant and the fee to the platform) and running balances in posting order. So the ledger is whole:
 * `verifyLedger` must find nothing on it, before and after the measured lifecycles run through the ledger.
 * Triggers are skipped while the history is written set-based (session_replication_role); the verification
 * afterwards checks what they would have.
 */
export async function seedDataset(pool: pg.Pool, merchants: number, orders: number) {
  const buyers = Math.max(1, Math.min(10_000, Math.ceil(orders / 100)));
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SET LOCAL session_replication_role = replica");
    await client.query(
      `INSERT INTO users (id, email, name, password_hash, role, updated_at)
       SELECT 'bm' || g, 'bench-merchant-' || g || '@bench.anxin', '商家' || g, 'x', 'MERCHANT'::"Role", now() FROM generate_series(1, $1) g
       UNION ALL
       SELECT 'hb' || g, 'bench-history-buyer-' || g || '@bench.anxin', '买家' || g, 'x', 'BUYER'::"Role", now() FROM generate_series(1, $2) g`,
      [merchants, buyers],
    );
    await client.query(
      `INSERT INTO merchants (id, user_id, display_name, status, risk_level, updated_at)
       SELECT 'm' || g, 'bm' || g, '商家' || g, 'APPROVED', 'MEDIUM', now() FROM generate_series(1, $1) g`,
      [merchants],
    );
    await client.query(
      `INSERT INTO merchant_applications (merchant_id, completed_steps, bank_code, account_holder, account_number, updated_at)
       SELECT 'm' || g, '{1,2,3,4}', 'CMB', '商家' || g, '6222020000000007', now() FROM generate_series(1, $1) g`,
      [merchants],
    );
    // Completed orders: fee at the MEDIUM rate (1.00%, half up), no reserve left (released long ago: none kept).
    await client.query(
      `INSERT INTO orders (id, order_no, merchant_id, buyer_id, status, subtotal_fen, shipping_fen, total_fen, fee_fen, reserve_fen, net_fen,
                           pay_token, expires_at, paid_at, shipped_at, completed_at, closed_at, created_at, updated_at)
       SELECT 'o' || g, 'H' || lpad(g::text, 12, '0'), 'm' || (1 + g % $2), 'hb' || (1 + g % $3), 'COMPLETED', t, 0, t,
              (t * 200 + 10000) / 20000, 0, t - (t * 200 + 10000) / 20000, 't' || g, ts, ts, ts, ts + interval '1 hour', ts + interval '1 hour', ts, ts
         FROM (SELECT g, 1000 + (g % 50000) AS t, now() - interval '1 hour' - ((g % 60) || ' days')::interval - ((g % 1440) || ' minutes')::interval AS ts
                 FROM generate_series(1, $1::int) g) s`,
      [orders, merchants, buyers],
    );
    await client.query(
      `INSERT INTO ledger_accounts (id, code, user_id, order_id, type, allow_negative)
       SELECT 'a-bank', 'platform:BANK_CLEARING:CNY', NULL, NULL, 'BANK_CLEARING'::"AccountType", true
       UNION ALL SELECT 'a-fee', 'platform:PLATFORM_FEE:CNY', NULL, NULL, 'PLATFORM_FEE', false
       UNION ALL SELECT 'a-' || id, 'user:' || id || ':WALLET:CNY', id, NULL, 'WALLET', false FROM users WHERE id LIKE 'bm%' OR id LIKE 'hb%'
       UNION ALL SELECT 'a-' || id, 'order:' || id || ':ESCROW:CNY', NULL, id, 'ESCROW', false FROM orders`,
    );
    // Every movement of the history, one row per posting, in time order: each buyer's top-up of what they
    // will spend, then per order its payment and (an hour later) its release.
    await client.query(
      `CREATE TEMP TABLE history ON COMMIT DROP AS
       WITH spend AS (SELECT buyer_id, SUM(total_fen) AS total, MIN(paid_at) AS first FROM orders GROUP BY buyer_id),
       lines AS (
         SELECT 't-' || buyer_id AS jkey, 'TOPUP' AS kind, 'card:****0007' AS reference, NULL::text AS order_id, first - interval '1 day' AS at, 1 AS n, 'a-bank' AS account, -total AS amount FROM spend
         UNION ALL SELECT 't-' || buyer_id, 'TOPUP', 'card:****0007', NULL, first - interval '1 day', 2, 'a-' || buyer_id, total FROM spend
         UNION ALL SELECT 'p-' || id, 'ESCROW_PAY', 'order:' || id, id, paid_at, 1, 'a-' || buyer_id, -total_fen FROM orders
         UNION ALL SELECT 'p-' || id, 'ESCROW_PAY', 'order:' || id, id, paid_at, 2, 'a-' || id, total_fen FROM orders
         UNION ALL SELECT 'r-' || o.id, 'ESCROW_RELEASE', 'order:' || o.id, o.id, o.completed_at, 1, 'a-' || o.id, -o.total_fen FROM orders o
         UNION ALL SELECT 'r-' || o.id, 'ESCROW_RELEASE', 'order:' || o.id, o.id, o.completed_at, 2, 'a-' || m.user_id, o.net_fen FROM orders o JOIN merchants m ON m.id = o.merchant_id
         UNION ALL SELECT 'r-' || o.id, 'ESCROW_RELEASE', 'order:' || o.id, o.id, o.completed_at, 3, 'a-fee', o.fee_fen FROM orders o
       )
       SELECT l.*, dense_rank() OVER (ORDER BY at, jkey) AS journal_id, row_number() OVER (ORDER BY at, jkey, n) AS posting_id FROM lines l`,
    );
    await client.query(
      `INSERT INTO journals (id, kind, reference, order_id, created_at)
       SELECT DISTINCT journal_id, kind, reference, order_id, at FROM history`,
    );
    await client.query(
      `INSERT INTO postings (id, journal_id, account_id, amount, balance_after, created_at)
       SELECT posting_id, journal_id, account, amount, SUM(amount) OVER (PARTITION BY account ORDER BY posting_id), at FROM history`,
    );
    await client.query(
      `UPDATE ledger_accounts a SET balance = s.total FROM (SELECT account, SUM(amount) AS total FROM history GROUP BY account) s WHERE a.id = s.account`,
    );
    // Each account's hash chain over the history, as ledger_post would have built it posting by posting.
    await client.query("SELECT ledger_chain_rebuild()");
    await client.query(`SELECT setval(pg_get_serial_sequence('journals', 'id'), (SELECT COALESCE(MAX(id), 0) + 1 FROM journals), false)`);
    await client.query(`SELECT setval(pg_get_serial_sequence('postings', 'id'), (SELECT COALESCE(MAX(id), 0) + 1 FROM postings), false)`);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
  await pool.query("ANALYZE");
}
