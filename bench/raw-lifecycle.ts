import { randomBytes, randomUUID } from "node:crypto";
import type pg from "pg";

/**
 * The same escrow lifecycle as lib/escrow (create, pay, ship, confirm: four transactions), written as
 * hand-tuned SQL on a plain pg pool. It is the yardstick for what the lib/ code costs; it is not used by the app.
 */
export async function rawLifecycle(pool: pg.Pool, ctx: { merchantId: string; merchantUserId: string; buyerId: string; bankId: string; feeId: string }) {
  const orderId = randomUUID();
  const total = 12_800n;
  await tx(pool, async (c) => {
    await c.query(
      `WITH n AS (SELECT nextval('order_no_seq') AS n)
       INSERT INTO orders (id, order_no, merchant_id, subtotal_fen, shipping_fen, total_fen, pay_token, expires_at, updated_at)
       SELECT $1, to_char(now(), 'YYYYMMDD') || lpad(n::text, 8, '0'), $2, $3, 0, $3, $4, now() + interval '1 day', now() FROM n`,
      [orderId, ctx.merchantId, total.toString(), randomBytes(24).toString("base64url")],
    );
    await c.query(`INSERT INTO order_lines (order_id, name, quantity, unit_price_fen, amount_fen) VALUES ($1, 'bench', 1, $2, $2)`, [orderId, total.toString()]);
    await c.query(`INSERT INTO order_events (order_id, type, actor_id) VALUES ($1, 'created', $2)`, [orderId, ctx.merchantUserId]);
  });
  await tx(pool, async (c) => {
    const payKey = randomUUID();
    await c.query(`INSERT INTO idempotency_keys (scope, key, request_hash, expires_at) VALUES ($1, $2, 'h', now() + interval '1 day')`, [`${ctx.buyerId}:order.pay`, payKey]);
    const paid = await c.query(
      `UPDATE orders SET status = 'PAID', buyer_id = $2, paid_at = now(), ship_by = now() + interval '3 days', updated_at = now()
        WHERE id = $1 AND status = 'CREATED' RETURNING total_fen`,
      [orderId, ctx.buyerId],
    );
    const escrowId = randomUUID();
    await c.query(`INSERT INTO ledger_accounts (id, code, order_id, type) VALUES ($1, $2, $3, 'ESCROW')`, [escrowId, `order:${orderId}:ESCROW:CNY`, orderId]);
    const wallet = await c.query(`SELECT id FROM ledger_accounts WHERE code = $1`, [`user:${ctx.buyerId}:WALLET:CNY`]);
    await postRaw(c, "ESCROW_PAY", orderId, [wallet.rows[0].id, escrowId], [-BigInt(paid.rows[0].total_fen), BigInt(paid.rows[0].total_fen)]);
    await c.query(`UPDATE idempotency_keys SET response = '{}' WHERE scope = $1 AND key = $2`, [`${ctx.buyerId}:order.pay`, payKey]);
    await c.query(`INSERT INTO order_events (order_id, type, actor_id) VALUES ($1, 'paid', $2)`, [orderId, ctx.buyerId]);
  });
  await tx(pool, async (c) => {
    await c.query(
      `UPDATE orders SET status = 'SHIPPED', shipped_at = now(), carrier = 'SF', tracking_no = 'SF000000', auto_confirm_at = now() + interval '10 days'
        WHERE id = $1 AND status = 'PAID'`,
      [orderId],
    );
    await c.query(`INSERT INTO order_events (order_id, type, actor_id) VALUES ($1, 'shipped', $2)`, [orderId, ctx.merchantUserId]);
  });
  await tx(pool, async (c) => {
    const confirmKey = randomUUID();
    await c.query(`INSERT INTO idempotency_keys (scope, key, request_hash, expires_at) VALUES ($1, $2, 'h', now() + interval '1 day')`, [`${ctx.buyerId}:order.confirm`, confirmKey]);
    const done = await c.query(
      `UPDATE orders SET status = 'COMPLETED', completed_at = now(), closed_at = now(), auto_confirm_at = NULL WHERE id = $1 AND status = 'SHIPPED'
       RETURNING total_fen - refunded_fen AS held`,
      [orderId],
    );
    const held = BigInt(done.rows[0].held);
    const fee = (held * 100n * 2n + 10_000n) / 20_000n;
    const reserve = ((held - fee) * 500n) / 10_000n;
    const ids = await c.query(`SELECT code, id FROM ledger_accounts WHERE code = ANY($1)`, [
      [`order:${orderId}:ESCROW:CNY`, `user:${ctx.merchantUserId}:WALLET:CNY`, `user:${ctx.merchantUserId}:RESERVE:CNY`],
    ]);
    const id = (code: string) => ids.rows.find((r) => r.code === code)!.id as string;
    await postRaw(
      c,
      "ESCROW_RELEASE",
      orderId,
      [id(`order:${orderId}:ESCROW:CNY`), id(`user:${ctx.merchantUserId}:WALLET:CNY`), ctx.feeId, id(`user:${ctx.merchantUserId}:RESERVE:CNY`)],
      [-held, held - fee - reserve, fee, reserve],
    );
    await c.query(`UPDATE orders SET fee_fen = $2, reserve_fen = $3, net_fen = $4 WHERE id = $1`, [orderId, fee.toString(), reserve.toString(), (held - fee - reserve).toString()]);
    await c.query(`INSERT INTO reserve_holds (order_id, user_id, amount_fen, release_at) VALUES ($1, $2, $3, now() + interval '30 days')`, [orderId, ctx.merchantUserId, reserve.toString()]);
    await c.query(`INSERT INTO order_events (order_id, type, actor_id) VALUES ($1, 'confirmed', $2)`, [orderId, ctx.buyerId]);
    await c.query(`UPDATE idempotency_keys SET response = '{}' WHERE scope = $1 AND key = $2`, [`${ctx.buyerId}:order.confirm`, confirmKey]);
  });
}

async function postRaw(c: pg.PoolClient, kind: string, orderId: string, accounts: string[], amounts: bigint[]) {
  await c.query(
    `WITH lines AS (SELECT * FROM unnest($1::text[], $2::bigint[]) AS l(account_id, amount)),
          locked AS (SELECT a.id FROM ledger_accounts a WHERE a.id IN (SELECT account_id FROM lines) ORDER BY a.id FOR UPDATE),
          j AS (INSERT INTO journals (kind, reference) VALUES ($3, $4) RETURNING id, created_at),
          upd AS (UPDATE ledger_accounts a SET balance = a.balance + l.amount FROM lines l, (SELECT count(*) n FROM locked) lk
                   WHERE a.id = l.account_id AND lk.n >= 0 RETURNING a.id, a.balance)
     INSERT INTO postings (journal_id, account_id, amount, balance_after, created_at)
     SELECT j.id, l.account_id, l.amount, upd.balance, j.created_at FROM j CROSS JOIN lines l JOIN upd ON upd.id = l.account_id`,
    [accounts, amounts.map(String), kind, `order:${orderId}`],
  );
}

async function tx(pool: pg.Pool, work: (c: pg.PoolClient) => Promise<void>) {
  const c = await pool.connect();
  try {
    await c.query("BEGIN");
    await work(c);
    await c.query("COMMIT");
  } catch (error) {
    await c.query("ROLLBACK");
    throw error;
  } finally {
    c.release();
  }
}
