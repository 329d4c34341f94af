-- A payment link of an order the merchant closed (or that expired) says the order is closed, not "already paid".
-- Only the refusal's wording changes: anxin:order_closed for a CANCELLED order nobody paid.
CREATE OR REPLACE FUNCTION escrow_pay(
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
    IF v_status = 'CANCELLED' AND v_owner IS NULL THEN PERFORM anxin_fail('order_closed'); END IF;
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
