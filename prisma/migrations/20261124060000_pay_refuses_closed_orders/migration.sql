-- A payment link of an order the merchant closed (or that expired) says the order is closed, not "already paid".
-- Only the refusal's wording changes: anxin:order_closed for a CANCELLED order nobody paid. (escrow_pay as it
-- stands after the fund: it pays from the wallet, the fund or both.)
CREATE OR REPLACE FUNCTION escrow_pay(
  p_buyer text, p_token text, p_now timestamptz, p_ship_by timestamptz,
  p_scope text, p_key text, p_hash text, p_expires timestamptz, p_source text
) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  v_replay jsonb;
  v_id text;
  v_total bigint;
  v_result jsonb;
  v_status text;
  v_owner text;
  v_wallet text;
  v_fund text;
  v_wallet_balance bigint;
  v_fund_balance bigint;
  v_from_wallet bigint;
  v_from_fund bigint;
BEGIN
  IF p_source NOT IN ('WALLET', 'FUND', 'AUTO') THEN RAISE EXCEPTION 'escrow_pay: unknown source %', p_source; END IF;
  v_replay := idem_begin(p_scope, p_key, p_hash, p_now, p_expires);
  IF v_replay IS NOT NULL THEN RETURN jsonb_build_object('replayed', true, 'result', v_replay -> 'response'); END IF;
  UPDATE orders SET status = 'PAID', buyer_id = p_buyer, paid_at = p_now, ship_by = p_ship_by, updated_at = p_now
   WHERE pay_token = p_token AND status = 'CREATED' AND expires_at > p_now
  RETURNING id, total_fen INTO v_id, v_total;
  IF v_id IS NULL THEN
    SELECT status::text, buyer_id INTO v_status, v_owner FROM orders WHERE pay_token = p_token;
    IF v_status IS NULL OR (v_owner IS NOT NULL AND v_owner <> p_buyer) THEN PERFORM anxin_fail('not_found'); END IF;
    IF v_status = 'CREATED' THEN PERFORM anxin_fail('order_expired'); END IF;
    IF v_status = 'CANCELLED' AND v_owner IS NULL THEN PERFORM anxin_fail('order_closed'); END IF;
    PERFORM anxin_fail('order_already_paid');
  END IF;
  v_wallet := ledger_user_account(p_buyer, 'WALLET');
  IF p_source = 'WALLET' THEN
    v_from_wallet := v_total;
    v_from_fund := 0;
  ELSE
    v_fund := ledger_user_account(p_buyer, 'FUND');
    PERFORM 1 FROM ledger_accounts WHERE id IN (v_wallet, v_fund) ORDER BY id FOR UPDATE;
    SELECT balance INTO v_wallet_balance FROM ledger_accounts WHERE id = v_wallet;
    SELECT balance INTO v_fund_balance FROM ledger_accounts WHERE id = v_fund;
    IF p_source = 'FUND' THEN
      v_from_wallet := 0;
    ELSE
      v_from_wallet := LEAST(GREATEST(v_wallet_balance, 0), v_total);
    END IF;
    v_from_fund := v_total - v_from_wallet;
  END IF;
  PERFORM ledger_post('ESCROW_PAY', 'order:' || v_id, v_id, p_buyer, NULL,
                      ARRAY(SELECT a FROM unnest(ARRAY[v_wallet, v_fund, ledger_order_account(v_id)], ARRAY[-v_from_wallet, -v_from_fund, v_total]) x(a, m) WHERE m <> 0),
                      ARRAY(SELECT m FROM unnest(ARRAY[v_wallet, v_fund, ledger_order_account(v_id)], ARRAY[-v_from_wallet, -v_from_fund, v_total]) x(a, m) WHERE m <> 0));
  INSERT INTO order_events (order_id, type, actor_id, data, created_at)
  VALUES (v_id, 'paid', p_buyer,
          jsonb_build_object('amount', v_total::text)
            || CASE WHEN v_from_fund > 0 THEN jsonb_build_object('fromFund', v_from_fund::text, 'fromWallet', v_from_wallet::text) ELSE '{}'::jsonb END,
          p_now);
  v_result := jsonb_build_object('orderId', v_id, 'amountFen', jsonb_build_object('$bigint', v_total::text),
                                 'fromFundFen', jsonb_build_object('$bigint', v_from_fund::text));
  PERFORM idem_finish(p_scope, p_key, v_result);
  RETURN jsonb_build_object('replayed', false, 'result', v_result);
END $$;
