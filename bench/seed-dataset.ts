import type pg from "pg";

/**
 * A large merchant dataset straight in SQL (the app's functions would take hours for a million orders):
 * approved merchants with settlement accounts, and completed historical orders spread over 60 days. The
 * historical orders carry no journals (they are for the read side: dashboards); the lifecycles measured run
 * through the ledger for real.
 */
export async function seedDataset(pool: pg.Pool, merchants: number, orders: number) {
  await pool.query(
    `INSERT INTO users (id, email, name, password_hash, role, updated_at)
     SELECT 'bm' || g, 'bench-merchant-' || g || '@bench.anxin', '商家' || g, 'x', 'MERCHANT', now() FROM generate_series(1, $1) g`,
    [merchants],
  );
  await pool.query(
    `INSERT INTO merchants (id, user_id, display_name, status, risk_level, updated_at)
     SELECT 'm' || g, 'bm' || g, '商家' || g, 'APPROVED', 'MEDIUM', now() FROM generate_series(1, $1) g`,
    [merchants],
  );
  await pool.query(
    `INSERT INTO merchant_applications (merchant_id, completed_steps, bank_code, account_holder, account_number, updated_at)
     SELECT 'm' || g, '{1,2,3,4}', 'CMB', '商家' || g, '6222020000000007', now() FROM generate_series(1, $1) g`,
    [merchants],
  );
  const batch = 100_000;
  for (let start = 1; start <= orders; start += batch) {
    const end = Math.min(start + batch - 1, orders);
    await pool.query(
      `INSERT INTO orders (id, order_no, merchant_id, status, subtotal_fen, shipping_fen, total_fen, pay_token, expires_at, paid_at, shipped_at, completed_at, created_at, updated_at)
       SELECT 'o' || g, 'H' || lpad(g::text, 12, '0'), 'm' || (1 + g % $3), 'COMPLETED', 1000 + (g % 50000), 0, 1000 + (g % 50000), 't' || g,
              now(), ts, ts, ts, ts, ts
         FROM (SELECT g, now() - ((g % 60) || ' days')::interval - ((g % 1440) || ' minutes')::interval AS ts FROM generate_series($1::int, $2::int) g) s`,
      [start, end, merchants],
    );
  }
  await pool.query("ANALYZE");
}
