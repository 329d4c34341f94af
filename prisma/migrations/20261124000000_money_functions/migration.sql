-- The money path as database functions (docs/ledger.md, "Rules that live in the database").
--
-- Each escrow step the platform runs thousands of times (pay, confirm, the automatic confirmation) is one
-- function call: one round trip, atomic on its own, with no interactive transaction around it. What they share:
--   ledger_open_account   an account by code, opened on first use (which types may go negative lives here)
--   ledger_post           the one journal writer: locks, overdraft check, journal, postings, balances
--   idem_begin/finish     idempotency keys, in the caller's transaction
--   escrow_release        SHIPPED → COMPLETED and the release split (fee, reserve, receivable recovery, net)
-- A domain failure is raised as SQLSTATE P0001 with the message "anxin:<code>"; lib/db/money-call.ts turns it
-- into a DomainError. Raising rolls back the whole statement, idempotency key included, so a retry runs anew.

CREATE FUNCTION anxin_fail(p_code text, p_detail text DEFAULT NULL) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'anxin:' || p_code, DETAIL = COALESCE(p_detail, '');
END $$;

-- An account by its code, opened on first use. Takes no row lock (ledger_post locks, in id order). Two first
-- requests at once both end with the same row: the second insert waits for the first, then does nothing.
CREATE FUNCTION ledger_open_account(p_code text, p_type "AccountType", p_user_id text, p_order_id text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  v_id text;
BEGIN
  SELECT id INTO v_id FROM ledger_accounts WHERE code = p_code;
  IF v_id IS NOT NULL THEN RETURN v_id; END IF;
  -- Bank clearing mirrors the outside world; a receivable is what a merchant owes: only these go below zero.
  INSERT INTO ledger_accounts (id, code, user_id, order_id, type, allow_negative, created_at, updated_at)
  VALUES (gen_random_uuid()::text, p_code, p_user_id, p_order_id, p_type, p_type IN ('BANK_CLEARING', 'RECEIVABLE'), now(), now())
  ON CONFLICT DO NOTHING;
  SELECT id INTO v_id FROM ledger_accounts WHERE code = p_code;
  IF v_id IS NULL THEN RAISE EXCEPTION 'ledger: account % could not be opened', p_code; END IF;
  RETURN v_id;
END $$;

-- The codes of lib/ledger/accounts.ts (a test checks they agree).
CREATE FUNCTION ledger_user_account(p_user_id text, p_type "AccountType") RETURNS text LANGUAGE sql AS $$
  SELECT ledger_open_account('user:' || p_user_id || ':' || p_type::text || ':CNY', p_type, p_user_id, NULL)
$$;
CREATE FUNCTION ledger_order_account(p_order_id text) RETURNS text LANGUAGE sql AS $$
  SELECT ledger_open_account('order:' || p_order_id || ':ESCROW:CNY', 'ESCROW', NULL, p_order_id)
$$;
CREATE FUNCTION ledger_platform_account(p_type "AccountType") RETURNS text LANGUAGE sql AS $$
  SELECT ledger_open_account('platform:' || p_type::text || ':CNY', p_type, NULL, NULL)
$$;

-- The one journal writer. Locks the journal's accounts in id order (two journals on the same accounts queue
-- instead of deadlocking), refuses an overdraft with anxin:insufficient_funds (the CHECK
-- ledger_accounts_no_overdraft stays as the backstop), writes the journal, moves the balances and records each
-- posting with the balance right after it. Returns the postings in the order given.
CREATE FUNCTION ledger_post(
  p_kind text, p_reference text, p_order_id text, p_created_by text, p_reverses bigint,
  p_accounts text[], p_amounts bigint[]
) RETURNS TABLE (journal_id bigint, created_at timestamptz, account_id text, amount bigint, balance_after bigint)
LANGUAGE plpgsql AS $$
DECLARE
  v_n int := COALESCE(array_length(p_accounts, 1), 0);
  v_journal bigint;
  v_at timestamptz;
  v_short text;
  v_written int;
BEGIN
  IF v_n < 2 OR v_n <> COALESCE(array_length(p_amounts, 1), 0) THEN
    RAISE EXCEPTION 'ledger: a journal needs at least two postings';
  END IF;
  IF (SELECT count(DISTINCT a) FROM unnest(p_accounts) a) <> v_n THEN
    RAISE EXCEPTION 'ledger: each account may appear once in a journal';
  END IF;
  IF EXISTS (SELECT 1 FROM unnest(p_amounts) x WHERE x IS NULL OR x = 0) THEN
    RAISE EXCEPTION 'ledger: posting amounts must be non-zero';
  END IF;
  IF (SELECT sum(x) FROM unnest(p_amounts) x) <> 0 THEN
    RAISE EXCEPTION 'ledger: postings must sum to zero';
  END IF;
  SELECT count(*) INTO v_written FROM (SELECT 1 FROM ledger_accounts a WHERE a.id = ANY (p_accounts) ORDER BY a.id FOR UPDATE) locked;
  IF v_written <> v_n THEN RAISE EXCEPTION 'ledger: unknown account in journal'; END IF;
  SELECT a.code INTO v_short
    FROM ledger_accounts a JOIN unnest(p_accounts, p_amounts) AS l(id, amount) ON l.id = a.id
   WHERE NOT a.allow_negative AND a.balance + l.amount < 0
   LIMIT 1;
  IF v_short IS NOT NULL THEN PERFORM anxin_fail('insufficient_funds', v_short); END IF;
  INSERT INTO journals (kind, reference, order_id, reverses_id, created_by_id)
  VALUES (p_kind, p_reference, p_order_id, p_reverses, p_created_by)
  RETURNING journals.id, journals.created_at INTO v_journal, v_at;
  RETURN QUERY
  WITH l AS (SELECT * FROM unnest(p_accounts, p_amounts) WITH ORDINALITY AS l(id, amount, n)),
  upd AS (
    UPDATE ledger_accounts a SET balance = a.balance + l.amount, updated_at = now()
      FROM l WHERE a.id = l.id
    RETURNING a.id, a.balance
  ), ins AS (
    INSERT INTO postings (journal_id, account_id, amount, balance_after, created_at)
    SELECT v_journal, l.id, l.amount, upd.balance, v_at FROM l JOIN upd ON upd.id = l.id ORDER BY l.n
    RETURNING postings.account_id, postings.amount, postings.balance_after
  )
  SELECT v_journal, v_at, ins.account_id, ins.amount, ins.balance_after
    FROM ins JOIN l ON l.id = ins.account_id ORDER BY l.n;
END $$;

-- Idempotency, in the caller's transaction: NULL when the key is new (the work runs), {"response": <the stored
-- result>} when it was used before with the same request (the work does not run again),
-- anxin:idempotency_conflict when it was used with another request. A concurrent request with the same key
-- waits on the first one's row.
CREATE FUNCTION idem_begin(p_scope text, p_key text, p_hash text, p_now timestamptz, p_expires timestamptz) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  v_hash text;
  v_response jsonb;
BEGIN
  IF p_key !~ '^[A-Za-z0-9_-]{8,100}$' THEN PERFORM anxin_fail('idempotency_key_invalid'); END IF;
  INSERT INTO idempotency_keys (scope, key, request_hash, created_at, expires_at)
  VALUES (p_scope, p_key, p_hash, p_now, p_expires)
  ON CONFLICT (scope, key) DO NOTHING;
  IF FOUND THEN RETURN NULL; END IF;
  SELECT request_hash, response INTO v_hash, v_response FROM idempotency_keys WHERE scope = p_scope AND key = p_key;
  IF v_hash <> p_hash THEN PERFORM anxin_fail('idempotency_conflict'); END IF;
  RETURN jsonb_build_object('response', v_response);
END $$;

CREATE FUNCTION idem_finish(p_scope text, p_key text, p_response jsonb) RETURNS void LANGUAGE sql AS $$
  UPDATE idempotency_keys SET response = p_response WHERE scope = p_scope AND key = p_key
$$;

-- How a release of p_held fen is split (lib/escrow/release-split.ts says the same; a test checks they agree):
-- the fee is held × fee rate rounded half up to the fen, the reserve is (held − fee) × reserve rate rounded down
-- (in the merchant's favour), the net is the rest. The three always add up to p_held.
CREATE FUNCTION escrow_split(p_held bigint, p_fee_bps int, p_reserve_bps int, OUT fee bigint, OUT reserve bigint, OUT net bigint)
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF p_held < 0 THEN RAISE EXCEPTION 'release amount cannot be negative'; END IF;
  fee := (p_held * p_fee_bps * 2 + 10000) / 20000;
  reserve := ((p_held - fee) * p_reserve_bps) / 10000;
  net := p_held - fee - reserve;
END $$;

-- SHIPPED → COMPLETED and the release of what escrow holds: the fee (held × fee rate, rounded half up) to the
-- platform, the reserve ((held − fee) × reserve rate, rounded down) to the merchant's reserve with a hold until
-- it is due, and the rest (net) to the merchant's wallet, less any debt from an earlier after-sale claim, which is
-- recovered first. The rates are per risk level (LOW, MEDIUM, HIGH; none counts as HIGH), from the settings.
-- The guarded update is the lock, the state check and the race referee: of a buyer's confirm and the automatic
-- confirmation at once, only one finds the order SHIPPED. NULL when the order was not (or no longer)
-- releasable: not SHIPPED, not this buyer's (p_only_buyer), or not yet due (p_due_by).
CREATE FUNCTION escrow_release(
  p_order text, p_actor text, p_now timestamptz, p_event text, p_only_buyer text, p_due_by timestamptz,
  p_fee_bps int[], p_reserve_bps int[], p_reserve_days int
) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  o record;
  v_user text;
  v_level int;
  v_held bigint;
  v_fee bigint;
  v_reserve bigint;
  v_net bigint;
  v_recovered bigint := 0;
  v_receivable text;
  v_debt bigint;
  v_accounts text[];
  v_amounts bigint[];
BEGIN
  UPDATE orders SET status = 'COMPLETED', completed_at = p_now, closed_at = p_now, auto_confirm_at = NULL, updated_at = p_now
   WHERE id = p_order AND status = 'SHIPPED'
     AND (p_only_buyer IS NULL OR buyer_id = p_only_buyer)
     AND (p_due_by IS NULL OR auto_confirm_at <= p_due_by)
  RETURNING id, total_fen, refunded_fen, merchant_id INTO o;
  IF NOT FOUND THEN RETURN NULL; END IF;
  SELECT m.user_id, CASE m.risk_level WHEN 'LOW' THEN 1 WHEN 'MEDIUM' THEN 2 ELSE 3 END
    INTO v_user, v_level FROM merchants m WHERE m.id = o.merchant_id;
  v_held := o.total_fen - o.refunded_fen;
  SELECT fee, reserve, net INTO v_fee, v_reserve, v_net FROM escrow_split(v_held, p_fee_bps[v_level], p_reserve_bps[v_level]);
  -- Most merchants owe nothing: the receivable is only looked at, and locked (then re-read) when there is a debt.
  SELECT id, balance INTO v_receivable, v_debt FROM ledger_accounts WHERE code = 'user:' || v_user || ':RECEIVABLE:CNY';
  IF v_receivable IS NOT NULL AND v_debt < 0 THEN
    SELECT balance INTO v_debt FROM ledger_accounts WHERE id = v_receivable FOR UPDATE;
    v_recovered := LEAST(-LEAST(v_debt, 0), v_net);
  END IF;
  IF v_held > 0 THEN
    v_accounts := ARRAY[ledger_order_account(o.id), ledger_user_account(v_user, 'WALLET'),
                        ledger_platform_account('PLATFORM_FEE'), ledger_user_account(v_user, 'RESERVE'), v_receivable];
    v_amounts := ARRAY[-v_held, v_net - v_recovered, v_fee, v_reserve, v_recovered];
    PERFORM ledger_post('ESCROW_RELEASE', 'order:' || o.id, o.id, p_actor, NULL,
                        ARRAY(SELECT a FROM unnest(v_accounts, v_amounts) x(a, m) WHERE m <> 0),
                        ARRAY(SELECT m FROM unnest(v_accounts, v_amounts) x(a, m) WHERE m <> 0));
  END IF;
  UPDATE orders SET fee_fen = v_fee, reserve_fen = v_reserve, net_fen = v_net WHERE id = o.id;
  IF v_reserve > 0 THEN
    INSERT INTO reserve_holds (order_id, user_id, amount_fen, release_at)
    VALUES (o.id, v_user, v_reserve, p_now + make_interval(days => p_reserve_days));
  END IF;
  INSERT INTO order_events (order_id, type, actor_id, data, created_at)
  VALUES (o.id, p_event, p_actor,
          jsonb_build_object('fee', v_fee::text, 'reserve', v_reserve::text, 'net', v_net::text)
            || CASE WHEN v_recovered > 0 THEN jsonb_build_object('recovered', v_recovered::text) ELSE '{}'::jsonb END,
          p_now);
  RETURN jsonb_build_object('orderId', o.id, 'fee', v_fee::text, 'reserve', v_reserve::text, 'net', v_net::text, 'recovered', v_recovered::text);
END $$;

-- The buyer pays an order from the wallet: one statement. The guarded update (CREATED and not expired) is the
-- lock and the state check, so a link paid twice at once is paid once. When it was not payable it says why:
-- anxin:not_found (no such link, or another buyer's order), anxin:order_expired, anxin:order_already_paid;
-- anxin:insufficient_funds when the wallet is short. Any of them rolls everything back.
CREATE FUNCTION escrow_pay(
  p_buyer text, p_token text, p_now timestamptz, p_ship_by timestamptz,
  p_scope text, p_key text, p_hash text, p_expires timestamptz
) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  v_replay jsonb;
  v_id text;
  v_total bigint;
  v_result jsonb;
  v_status text;
  v_owner text;
BEGIN
  v_replay := idem_begin(p_scope, p_key, p_hash, p_now, p_expires);
  IF v_replay IS NOT NULL THEN RETURN jsonb_build_object('replayed', true, 'result', v_replay -> 'response'); END IF;
  UPDATE orders SET status = 'PAID', buyer_id = p_buyer, paid_at = p_now, ship_by = p_ship_by, updated_at = p_now
   WHERE pay_token = p_token AND status = 'CREATED' AND expires_at > p_now
  RETURNING id, total_fen INTO v_id, v_total;
  IF v_id IS NULL THEN
    SELECT status::text, buyer_id INTO v_status, v_owner FROM orders WHERE pay_token = p_token;
    IF v_status IS NULL OR (v_owner IS NOT NULL AND v_owner <> p_buyer) THEN PERFORM anxin_fail('not_found'); END IF;
    IF v_status = 'CREATED' THEN PERFORM anxin_fail('order_expired'); END IF;
    PERFORM anxin_fail('order_already_paid');
  END IF;
  PERFORM ledger_post('ESCROW_PAY', 'order:' || v_id, v_id, p_buyer, NULL,
                      ARRAY[ledger_user_account(p_buyer, 'WALLET'), ledger_order_account(v_id)], ARRAY[-v_total, v_total]);
  INSERT INTO order_events (order_id, type, actor_id, data, created_at)
  VALUES (v_id, 'paid', p_buyer, jsonb_build_object('amount', v_total::text), p_now);
  v_result := jsonb_build_object('orderId', v_id, 'amountFen', jsonb_build_object('$bigint', v_total::text));
  PERFORM idem_finish(p_scope, p_key, v_result);
  RETURN jsonb_build_object('replayed', false, 'result', v_result);
END $$;

-- The buyer confirms receipt: one statement. When the order was not releasable it says why: anxin:not_found
-- (not this buyer's), or anxin:not_released with the order's status as detail.
CREATE FUNCTION escrow_confirm(
  p_buyer text, p_order text, p_now timestamptz,
  p_scope text, p_key text, p_hash text, p_expires timestamptz,
  p_fee_bps int[], p_reserve_bps int[], p_reserve_days int
) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  v_replay jsonb;
  v_result jsonb;
  v_status text;
BEGIN
  v_replay := idem_begin(p_scope, p_key, p_hash, p_now, p_expires);
  IF v_replay IS NOT NULL THEN RETURN jsonb_build_object('replayed', true, 'result', v_replay -> 'response'); END IF;
  v_result := escrow_release(p_order, p_buyer, p_now, 'confirmed', p_buyer, NULL, p_fee_bps, p_reserve_bps, p_reserve_days);
  IF v_result IS NULL THEN
    SELECT status::text INTO v_status FROM orders WHERE id = p_order AND buyer_id = p_buyer;
    IF v_status IS NULL THEN PERFORM anxin_fail('not_found'); END IF;
    PERFORM anxin_fail('not_released', v_status);
  END IF;
  PERFORM idem_finish(p_scope, p_key, v_result);
  RETURN jsonb_build_object('replayed', false, 'result', v_result);
END $$;
