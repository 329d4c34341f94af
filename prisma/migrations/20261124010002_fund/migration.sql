-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "AccountType" ADD VALUE 'FUND';
ALTER TYPE "AccountType" ADD VALUE 'FUND_PENDING';
ALTER TYPE "AccountType" ADD VALUE 'FUND_INCOME';

-- CreateTable
CREATE TABLE "fund_rates" (
    "id" BIGSERIAL NOT NULL,
    "effective_from" DATE NOT NULL,
    "per_10k_e4" BIGINT NOT NULL,
    "entered_as" TEXT NOT NULL,
    "annual_rate_bps" INTEGER,
    "reason" TEXT NOT NULL,
    "created_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "fund_rates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "fund_days" (
    "day" DATE NOT NULL,
    "per_10k_e4" BIGINT NOT NULL,
    "eligible_fen" BIGINT NOT NULL,
    "income_e10" BIGINT NOT NULL,
    "credited_fen" BIGINT NOT NULL,
    "holders" INTEGER NOT NULL,
    "journal_id" BIGINT,
    "accrued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "fund_days_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "fund_holders" (
    "user_id" TEXT NOT NULL,
    "carry_e10" BIGINT NOT NULL DEFAULT 0,
    "yield_total_fen" BIGINT NOT NULL DEFAULT 0,
    "instant_day" DATE,
    "instant_redeemed_fen" BIGINT NOT NULL DEFAULT 0,
    "sweep_enabled" BOOLEAN NOT NULL DEFAULT false,
    "sweep_floor_fen" BIGINT NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "fund_holders_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "fund_yields" (
    "day" DATE NOT NULL,
    "user_id" TEXT NOT NULL,
    "eligible_fen" BIGINT NOT NULL,
    "yield_fen" BIGINT NOT NULL,

    CONSTRAINT "fund_yields_pkey" PRIMARY KEY ("user_id","day")
);

-- CreateTable
CREATE TABLE "fund_redemptions" (
    "id" BIGSERIAL NOT NULL,
    "user_id" TEXT NOT NULL,
    "amount_fen" BIGINT NOT NULL,
    "requested_at" TIMESTAMPTZ(3) NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "settled_at" TIMESTAMPTZ(3),

    CONSTRAINT "fund_redemptions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "fund_rates_effective_from_id_idx" ON "fund_rates"("effective_from", "id");

-- CreateIndex
CREATE INDEX "fund_yields_day_idx" ON "fund_yields"("day");

-- CreateIndex
CREATE INDEX "fund_redemptions_settled_at_due_at_idx" ON "fund_redemptions"("settled_at", "due_at");

-- CreateIndex
CREATE INDEX "fund_redemptions_user_id_requested_at_idx" ON "fund_redemptions"("user_id", "requested_at");

-- AddForeignKey
ALTER TABLE "fund_holders" ADD CONSTRAINT "fund_holders_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;



-- ---------------------------------------------------------------------------------------------------
-- Hand-written: the fund's rules in the database (docs/fund.md)
-- ---------------------------------------------------------------------------------------------------

ALTER TABLE "fund_rates" ADD CONSTRAINT "fund_rates_positive" CHECK ("per_10k_e4" >= 0 AND "entered_as" IN ('PER_10K', 'ANNUAL'));
ALTER TABLE "fund_holders" ADD CONSTRAINT "fund_holders_amounts" CHECK (
  "carry_e10" >= 0 AND "carry_e10" < 10000000000 AND "yield_total_fen" >= 0 AND "instant_redeemed_fen" >= 0 AND "sweep_floor_fen" >= 0);
ALTER TABLE "fund_redemptions" ADD CONSTRAINT "fund_redemptions_positive" CHECK ("amount_fen" > 0);
ALTER TABLE "fund_yields" ADD CONSTRAINT "fund_yields_amounts" CHECK ("eligible_fen" >= 0 AND "yield_fen" >= 0);

-- The fund's income account mirrors money earned outside the platform: like bank clearing, it may go negative.
CREATE OR REPLACE FUNCTION ledger_open_account(p_code text, p_type "AccountType", p_user_id text, p_order_id text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  v_id text;
BEGIN
  SELECT id INTO v_id FROM ledger_accounts WHERE code = p_code;
  IF v_id IS NOT NULL THEN RETURN v_id; END IF;
  -- Bank clearing and the fund's income mirror the outside world; a receivable is what a merchant owes: only
  -- these go below zero.
  INSERT INTO ledger_accounts (id, code, user_id, order_id, type, allow_negative, created_at, updated_at)
  VALUES (gen_random_uuid()::text, p_code, p_user_id, p_order_id, p_type,
          p_type::text IN ('BANK_CLEARING', 'RECEIVABLE', 'FUND_INCOME'), now(), now())
  ON CONFLICT DO NOTHING;
  SELECT id INTO v_id FROM ledger_accounts WHERE code = p_code;
  IF v_id IS NULL THEN RAISE EXCEPTION 'ledger: account % could not be opened', p_code; END IF;
  RETURN v_id;
END $$;

-- Paying an order, now from the wallet, the fund, or both: p_source WALLET, FUND, or AUTO (the wallet first,
-- the fund covering what it lacks). Both accounts are locked (in id order) before their balances are read, so
-- the split is decided on what they hold at that moment; one journal moves it all.
DROP FUNCTION escrow_pay(text, text, timestamptz, timestamptz, text, text, text, timestamptz);
CREATE FUNCTION escrow_pay(
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

-- One day of the fund's income, for every holder at once (set-based). A holder earns on what stayed in the fund
-- the whole day: the least of its balance at the day's end and its balance at the day's start plus the yield
-- credited during the day (so money subscribed today earns from tomorrow, T+1; money redeemed or spent today
-- does not earn today; yesterday's yield earns today). Each holder's exact income is eligible × per10kE4 in
-- units of 1e-10 fen; with the remainder carried from earlier days it is split into whole fen, credited now, and
-- a remainder below one fen, carried to the next day. So, for every day: credited × 10^10 + carried now =
-- income + carried before, exactly. The fund_days row is written first: a day accrues once, and a second run
-- (or one at the same time) finds it and does nothing. Returns false when the day was already accrued.
CREATE FUNCTION fund_accrue_day(p_day date, p_start timestamptz, p_end timestamptz, p_per10k_e4 bigint) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
  v_journal bigint;
  v_accounts text[];
  v_amounts bigint[];
  v_total bigint;
BEGIN
  INSERT INTO fund_days (day, per_10k_e4, eligible_fen, income_e10, credited_fen, holders)
  VALUES (p_day, p_per10k_e4, 0, 0, 0, 0)
  ON CONFLICT (day) DO NOTHING;
  IF NOT FOUND THEN RETURN false; END IF;

  INSERT INTO fund_holders (user_id) SELECT a.user_id FROM ledger_accounts a WHERE a.type = 'FUND' ON CONFLICT DO NOTHING;

  CREATE TEMP TABLE fund_accrual ON COMMIT DROP AS
  WITH b AS (
    SELECT a.id AS account_id, a.user_id,
           COALESCE((SELECT p.balance_after FROM postings p WHERE p.account_id = a.id AND p.created_at < p_start ORDER BY p.id DESC LIMIT 1), 0) AS start_balance,
           COALESCE((SELECT p.balance_after FROM postings p WHERE p.account_id = a.id AND p.created_at < p_end ORDER BY p.id DESC LIMIT 1), 0) AS end_balance,
           COALESCE((SELECT sum(p.amount) FROM postings p JOIN journals j ON j.id = p.journal_id
                      WHERE p.account_id = a.id AND p.created_at >= p_start AND p.created_at < p_end AND j.kind = 'FUND_YIELD'), 0) AS yield_in
      FROM ledger_accounts a WHERE a.type = 'FUND'
  ), e AS (
    SELECT b.account_id, b.user_id, GREATEST(LEAST(b.end_balance, b.start_balance + b.yield_in), 0) AS eligible, h.carry_e10
      FROM b JOIN fund_holders h ON h.user_id = b.user_id
  )
  SELECT account_id, user_id, eligible, carry_e10,
         eligible::numeric * p_per10k_e4 AS income_e10,
         floor((eligible::numeric * p_per10k_e4 + carry_e10) / 10000000000)::bigint AS credited,
         mod(eligible::numeric * p_per10k_e4 + carry_e10, 10000000000)::bigint AS new_carry
    FROM e;

  UPDATE fund_holders h SET carry_e10 = f.new_carry, yield_total_fen = h.yield_total_fen + f.credited, updated_at = now()
    FROM fund_accrual f WHERE h.user_id = f.user_id;
  INSERT INTO fund_yields (day, user_id, eligible_fen, yield_fen)
  SELECT p_day, user_id, eligible, credited FROM fund_accrual WHERE eligible > 0 OR credited > 0;

  SELECT COALESCE(sum(credited), 0) INTO v_total FROM fund_accrual;
  IF v_total > 0 THEN
    v_accounts := ARRAY[ledger_platform_account('FUND_INCOME')] || ARRAY(SELECT account_id FROM fund_accrual WHERE credited > 0 ORDER BY account_id);
    v_amounts := ARRAY[-v_total] || ARRAY(SELECT credited FROM fund_accrual WHERE credited > 0 ORDER BY account_id);
    SELECT DISTINCT p.journal_id INTO v_journal
      FROM ledger_post('FUND_YIELD', 'fund-day:' || p_day::text, NULL, NULL, NULL, v_accounts, v_amounts) p;
  END IF;

  UPDATE fund_days d
     SET eligible_fen = s.eligible, income_e10 = s.income, credited_fen = v_total, holders = s.holders, journal_id = v_journal
    FROM (SELECT COALESCE(sum(eligible), 0)::bigint AS eligible, COALESCE(sum(income_e10), 0)::bigint AS income,
                 count(*) FILTER (WHERE eligible > 0)::int AS holders FROM fund_accrual) s
   WHERE d.day = p_day;
  DROP TABLE fund_accrual;
  RETURN true;
END $$;
