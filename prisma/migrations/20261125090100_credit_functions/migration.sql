-- Merchant credit's money path as database functions (docs/credit.md, "Accounts" and "Jobs"), on the ledger's one
-- journal writer:
--   ledger_open_account   loan receivables and loan interest may go below zero (the platform's assets)
--   ledger_post           now also names the loan a journal belongs to (journals.loan_id)
--   credit_accrue         one day's interest and penalty, for every loan at once or for one loan
--   credit_catch_up       a loan's days not yet accrued, before anything reads what it owes
--   credit_repay          one repayment: penalty → interest → principal, from the wallet (and the fund)
--   credit_refresh_loan   days past due, status, settled instalments, the restoration path's start
--   escrow_release        repays the order's own loan and, while something is overdue, a share of every release
--
-- Lock order, everywhere: order row → receivable → loan rows (by id) → credit line → accounts (ledger_post, by
-- id). A loan's catch-up accrual locks the platform's interest income account, so it runs before the wallet is
-- locked: income before wallets, never the other way round.

-- The platform day (Asia/Shanghai, UTC+8, no daylight saving) of an instant, and a day's first instant:
-- lib/time/platform-day.ts says the same.
CREATE FUNCTION platform_day(p_at timestamptz) RETURNS date LANGUAGE sql IMMUTABLE AS $$
  SELECT ((p_at AT TIME ZONE 'UTC') + interval '8 hours')::date
$$;
CREATE FUNCTION platform_day_start(p_day date) RETURNS timestamptz LANGUAGE sql IMMUTABLE AS $$
  SELECT (p_day::timestamp - interval '8 hours') AT TIME ZONE 'UTC'
$$;

-- Loan receivables and loan interest are what merchants owe the platform: like a dispute receivable, they may go
-- below zero. The interest income account may not (it only ever receives).
CREATE OR REPLACE FUNCTION ledger_open_account(p_code text, p_type "AccountType", p_user_id text, p_order_id text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  v_id text;
BEGIN
  SELECT id INTO v_id FROM ledger_accounts WHERE code = p_code;
  IF v_id IS NOT NULL THEN RETURN v_id; END IF;
  -- Bank clearing and the fund's income mirror the outside world; receivables (a dispute's, a loan's principal and
  -- interest) are what a merchant owes: only these go below zero.
  INSERT INTO ledger_accounts (id, code, user_id, order_id, type, allow_negative, created_at, updated_at)
  VALUES (gen_random_uuid()::text, p_code, p_user_id, p_order_id, p_type,
          p_type::text IN ('BANK_CLEARING', 'RECEIVABLE', 'FUND_INCOME', 'LOAN_PRINCIPAL', 'LOAN_INTEREST'), now(), now())
  ON CONFLICT DO NOTHING;
  SELECT id INTO v_id FROM ledger_accounts WHERE code = p_code;
  IF v_id IS NULL THEN RAISE EXCEPTION 'ledger: account % could not be opened', p_code; END IF;
  RETURN v_id;
END $$;

-- A loan's two accounts (lib/credit/accounts.ts has the same codes; a test checks they agree).
CREATE FUNCTION ledger_loan_account(p_loan text, p_user text, p_part text) RETURNS text LANGUAGE sql AS $$
  SELECT ledger_open_account('loan:' || p_loan || ':' || p_part || ':CNY',
                             (CASE p_part WHEN 'PRINCIPAL' THEN 'LOAN_PRINCIPAL' ELSE 'LOAN_INTEREST' END)::"AccountType", p_user, NULL)
$$;

-- The one journal writer, now also naming the loan a journal belongs to. The body is the hash-chain migration's,
-- with loan_id; the 7-argument form (no loan) stays for every existing caller.
CREATE FUNCTION ledger_post(
  p_kind text, p_reference text, p_order_id text, p_loan_id text, p_created_by text, p_reverses bigint,
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
  INSERT INTO journals (kind, reference, order_id, loan_id, reverses_id, created_by_id)
  VALUES (p_kind, p_reference, p_order_id, p_loan_id, p_reverses, p_created_by)
  RETURNING journals.id, journals.created_at INTO v_journal, v_at;
  RETURN QUERY
  WITH l AS (SELECT * FROM unnest(p_accounts, p_amounts) WITH ORDINALITY AS l(id, amount, n)),
  upd AS (
    UPDATE ledger_accounts a
       SET balance = a.balance + l.amount,
           last_hash = ledger_link(a.last_hash, v_journal, a.id, l.amount, a.balance + l.amount),
           updated_at = now()
      FROM l WHERE a.id = l.id
    RETURNING a.id, a.balance, a.last_hash
  ), ins AS (
    INSERT INTO postings (journal_id, account_id, amount, balance_after, hash, created_at)
    SELECT v_journal, l.id, l.amount, upd.balance, upd.last_hash, v_at FROM l JOIN upd ON upd.id = l.id ORDER BY l.n
    RETURNING postings.account_id, postings.amount, postings.balance_after
  )
  SELECT v_journal, v_at, ins.account_id, ins.amount, ins.balance_after
    FROM ins JOIN l ON l.id = ins.account_id ORDER BY l.n;
END $$;

CREATE OR REPLACE FUNCTION ledger_post(
  p_kind text, p_reference text, p_order_id text, p_created_by text, p_reverses bigint,
  p_accounts text[], p_amounts bigint[]
) RETURNS TABLE (journal_id bigint, created_at timestamptz, account_id text, amount bigint, balance_after bigint)
LANGUAGE sql AS $$
  SELECT * FROM ledger_post(p_kind, p_reference, p_order_id, NULL::text, p_created_by, p_reverses, p_accounts, p_amounts)
$$;

-- The day an instalment falls due: its contracted day, or the day monitoring called the loan due if earlier.
CREATE FUNCTION credit_due_day(p_due date, p_called date) RETURNS date LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN p_due IS NULL THEN p_called WHEN p_called IS NULL THEN p_due ELSE LEAST(p_due, p_called) END
$$;

-- One day of interest and penalty, for every loan that has accrued up to the day before (p_loan NULL: the
-- nightly job, set-based) or for one loan (a catch-up before a repayment). Per loan and day:
--   interest = (carried rest + principal outstanding at the day's end × daily rate) in 1e-8 fen, split into whole
--              fen (booked) and a rest below one fen (carried). The rest starts at zero on the first day of each
--              instalment period and whenever the principal changed (credit_repay), so each period's interest is
--              exactly floor(principal × rate × days) — the schedule's figure (lib/credit/schedule.ts).
--   penalty  = the same on the principal past due (instalments due before the day, unpaid), with its own rest.
-- Interest counts the disbursement day and not the day of repayment (算头不算尾): the day's principal is read at
-- the day's end. One journal for the day (income +Σ, each loan's interest account −its part), a row per loan in
-- loan_accruals (primary key: a loan accrues a day once), and each loan moves on to accrued_through = p_day. The
-- loan rows are locked first, in id order.
CREATE FUNCTION credit_accrue(p_day date, p_loan text) RETURNS TABLE (accrued_loans int, accrued_interest bigint, accrued_penalty bigint, accrual_journal bigint)
LANGUAGE plpgsql AS $$
DECLARE
  v_ids text[];
  v_journal bigint;
  v_accounts text[];
  v_amounts bigint[];
  v_count int;
  v_interest bigint;
  v_penalty bigint;
BEGIN
  v_ids := ARRAY(SELECT l.id FROM loans l
                  WHERE l.status <> 'REPAID' AND l.accrued_through = p_day - 1 AND l.disbursed_day <= p_day
                    AND (p_loan IS NULL OR l.id = p_loan)
                  ORDER BY l.id FOR UPDATE);
  CREATE TEMP TABLE credit_accrual_day ON COMMIT DROP AS
  WITH base AS (
    SELECT l.id, l.principal_outstanding_fen AS principal, l.daily_rate_e8, l.penalty_rate_e8, l.penalty_carry_e8 AS pcarry,
           CASE WHEN EXISTS (SELECT 1 FROM loan_instalments i WHERE i.loan_id = l.id AND i.due_day = p_day) THEN 0 ELSE l.interest_carry_e8 END AS icarry,
           COALESCE((SELECT sum(i.principal_fen - i.principal_paid_fen) FROM loan_instalments i
                      WHERE i.loan_id = l.id AND i.principal_paid_fen < i.principal_fen AND credit_due_day(i.due_day, l.called_day) < p_day), 0) AS overdue
      FROM loans l
     WHERE l.id = ANY (v_ids) AND l.accrued_through = p_day - 1
  )
  SELECT id, principal, overdue,
         (icarry + principal * daily_rate_e8) / 100000000 AS interest,
         (icarry + principal * daily_rate_e8) % 100000000 AS icarry,
         (pcarry + overdue * penalty_rate_e8) / 100000000 AS penalty,
         (pcarry + overdue * penalty_rate_e8) % 100000000 AS pcarry
    FROM base;

  SELECT count(*)::int, COALESCE(sum(c.interest), 0)::bigint, COALESCE(sum(c.penalty), 0)::bigint
    INTO v_count, v_interest, v_penalty FROM credit_accrual_day c;
  IF v_interest + v_penalty > 0 THEN
    v_accounts := ARRAY[ledger_platform_account('INTEREST_INCOME')]
               || ARRAY(SELECT a.id FROM credit_accrual_day c JOIN ledger_accounts a ON a.code = 'loan:' || c.id || ':INTEREST:CNY'
                         WHERE c.interest + c.penalty > 0 ORDER BY c.id);
    v_amounts := ARRAY[v_interest + v_penalty]
              || ARRAY(SELECT -(c.interest + c.penalty) FROM credit_accrual_day c WHERE c.interest + c.penalty > 0 ORDER BY c.id);
    SELECT DISTINCT p.journal_id INTO v_journal
      FROM ledger_post('LOAN_INTEREST_ACCRUAL', 'credit-day:' || p_day::text, NULL, p_loan, NULL, NULL, v_accounts, v_amounts) p;
  END IF;

  UPDATE loans l
     SET interest_due_fen = l.interest_due_fen + c.interest, interest_accrued_fen = l.interest_accrued_fen + c.interest,
         penalty_due_fen = l.penalty_due_fen + c.penalty, penalty_accrued_fen = l.penalty_accrued_fen + c.penalty,
         interest_carry_e8 = c.icarry, penalty_carry_e8 = c.pcarry, accrued_through = p_day, updated_at = now()
    FROM credit_accrual_day c WHERE l.id = c.id;
  INSERT INTO loan_accruals (loan_id, day, principal_fen, interest_fen, overdue_principal_fen, penalty_fen, journal_id)
  SELECT c.id, p_day, c.principal, c.interest, c.overdue, c.penalty, CASE WHEN c.interest + c.penalty > 0 THEN v_journal END
    FROM credit_accrual_day c;
  DROP TABLE credit_accrual_day;
  RETURN QUERY SELECT v_count, v_interest, v_penalty, v_journal;
END $$;

-- A loan's days not yet accrued, up to p_through, one at a time in order (each day's rest feeds the next). The
-- caller holds the loan's row lock. Returns how many days were accrued.
CREATE FUNCTION credit_catch_up(p_loan text, p_through date) RETURNS int
LANGUAGE plpgsql AS $$
DECLARE
  v_from date;
  v_days int := 0;
BEGIN
  SELECT accrued_through + 1 INTO v_from FROM loans WHERE id = p_loan AND status <> 'REPAID' FOR UPDATE;
  IF v_from IS NULL THEN RETURN 0; END IF;
  WHILE v_from <= p_through LOOP
    PERFORM credit_accrue(v_from, p_loan);
    v_from := v_from + 1;
    v_days := v_days + 1;
  END LOOP;
  RETURN v_days;
END $$;

-- Days past due, status and settled instalments of one loan, after anything that changed what it owes. An
-- instalment is settled once its principal and everything accrued so far are paid (on time when that happens by
-- its due day). Days past due count from the oldest unsettled instalment whose due day has passed; the loan is
-- OVERDUE while there is one, REPAID once nothing is owed. When a merchant's last overdue loan is back to current
-- (or repaid), its restoration path starts (docs/credit.md, "Restoration"); a new overdue ends it.
CREATE FUNCTION credit_refresh_loan(p_loan text, p_now timestamptz) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  l record;
  v_today date := platform_day(p_now);
  v_oldest date;
  v_dpd int;
  v_status "LoanStatus";
BEGIN
  SELECT * INTO l FROM loans WHERE id = p_loan FOR UPDATE;
  IF NOT FOUND THEN RETURN NULL; END IF;
  UPDATE loan_instalments i SET settled_at = p_now
   WHERE i.loan_id = p_loan AND i.settled_at IS NULL AND i.principal_paid_fen = i.principal_fen
     AND l.interest_due_fen = 0 AND l.penalty_due_fen = 0
     AND (credit_due_day(i.due_day, l.called_day) <= v_today OR l.principal_outstanding_fen = 0);
  SELECT min(credit_due_day(i.due_day, l.called_day)) INTO v_oldest
    FROM loan_instalments i WHERE i.loan_id = p_loan AND i.settled_at IS NULL AND credit_due_day(i.due_day, l.called_day) < v_today;
  v_dpd := COALESCE(v_today - v_oldest, 0);
  v_status := CASE WHEN l.principal_outstanding_fen = 0 AND l.interest_due_fen = 0 AND l.penalty_due_fen = 0 THEN 'REPAID'
                   WHEN v_dpd > 0 THEN 'OVERDUE' ELSE 'ACTIVE' END;
  UPDATE loans
     SET dpd = v_dpd, max_dpd = GREATEST(max_dpd, v_dpd), status = v_status,
         first_dpd30_at = COALESCE(first_dpd30_at, CASE WHEN v_dpd >= 30 THEN p_now END),
         repaid_at = CASE WHEN v_status = 'REPAID' THEN COALESCE(repaid_at, p_now) END, updated_at = now()
   WHERE id = p_loan;
  IF l.status = 'OVERDUE' AND v_status <> 'OVERDUE'
     AND NOT EXISTS (SELECT 1 FROM loans WHERE user_id = l.user_id AND status = 'OVERDUE' AND id <> p_loan) THEN
    INSERT INTO credit_lines (merchant_id, user_id, restoration_since, restoration_steps, updated_at)
    VALUES (l.merchant_id, l.user_id, p_now, 0, now())
    ON CONFLICT (merchant_id) DO UPDATE SET restoration_since = p_now, restoration_steps = 0, updated_at = now();
  ELSIF v_status = 'OVERDUE' AND l.status <> 'OVERDUE' THEN
    UPDATE credit_lines SET restoration_since = NULL, restoration_steps = 0, available_fen = 0, blocked_reason = 'LOAN_OVERDUE', updated_at = now()
     WHERE merchant_id = l.merchant_id;
  END IF;
  RETURN v_status::text;
END $$;

-- One repayment of a loan, in the caller's transaction. What it may take: at most p_max (NULL: no cap), at most
-- what is owed — p_mode 'DUE': penalty, interest accrued and the principal of instalments due by today; 'ANY':
-- penalty, interest and all the principal (early repayment, an order loan at its release) — and at most what the
-- merchant's wallet holds (then its fund, when p_use_fund). Allocated penalty → interest → principal, the
-- principal to the earliest instalments first. One journal (LOAN_REPAYMENT: wallet −w, fund −f, the loan's interest
-- account +penalty+interest, its principal account +principal), one loan_repayments row (unique per loan and key:
-- the same key repays once). The loan's days not yet accrued are accrued first (that locks the income account:
-- before the wallet). A principal change restarts the interest's carried rest. Returns what was paid.
CREATE FUNCTION credit_repay(
  p_loan text, p_max bigint, p_mode text, p_use_fund boolean, p_source text, p_key text,
  p_order text, p_actor text, p_now timestamptz
) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  l record;
  v_today date := platform_day(p_now);
  v_due_principal bigint;
  v_owed bigint;
  v_wallet text;
  v_fund text;
  v_wallet_balance bigint := 0;
  v_fund_balance bigint := 0;
  v_pay bigint;
  v_penalty bigint;
  v_interest bigint;
  v_principal bigint;
  v_from_wallet bigint;
  v_from_fund bigint;
  v_journal bigint;
  v_accounts text[];
  v_amounts bigint[];
  v_status text;
BEGIN
  IF p_mode NOT IN ('DUE', 'ANY') THEN RAISE EXCEPTION 'credit_repay: unknown mode %', p_mode; END IF;
  IF p_max IS NOT NULL AND p_max <= 0 THEN RETURN jsonb_build_object('paid', '0'); END IF;
  SELECT * INTO l FROM loans WHERE id = p_loan FOR UPDATE;
  IF NOT FOUND OR l.status = 'REPAID' THEN RETURN jsonb_build_object('paid', '0'); END IF;
  IF EXISTS (SELECT 1 FROM loan_repayments WHERE loan_id = p_loan AND idempotency_key = p_key) THEN
    RETURN jsonb_build_object('paid', '0', 'replayed', true);
  END IF;
  IF l.accrued_through < v_today - 1 THEN
    PERFORM credit_catch_up(p_loan, v_today - 1);
    SELECT * INTO l FROM loans WHERE id = p_loan;
  END IF;
  IF p_mode = 'ANY' THEN
    v_due_principal := l.principal_outstanding_fen;
  ELSE
    SELECT COALESCE(sum(i.principal_fen - i.principal_paid_fen), 0) INTO v_due_principal
      FROM loan_instalments i WHERE i.loan_id = p_loan AND credit_due_day(i.due_day, l.called_day) <= v_today;
  END IF;
  v_owed := l.penalty_due_fen + l.interest_due_fen + v_due_principal;
  v_wallet := ledger_user_account(l.user_id, 'WALLET');
  IF p_use_fund THEN v_fund := ledger_user_account(l.user_id, 'FUND'); END IF;
  PERFORM 1 FROM ledger_accounts WHERE id IN (v_wallet, v_fund) ORDER BY id FOR UPDATE;
  SELECT GREATEST(balance, 0) INTO v_wallet_balance FROM ledger_accounts WHERE id = v_wallet;
  IF v_fund IS NOT NULL THEN SELECT GREATEST(balance, 0) INTO v_fund_balance FROM ledger_accounts WHERE id = v_fund; END IF;
  v_pay := LEAST(COALESCE(p_max, v_owed), v_owed, v_wallet_balance + v_fund_balance);
  IF v_pay <= 0 THEN
    v_status := credit_refresh_loan(p_loan, p_now);
    RETURN jsonb_build_object('paid', '0', 'owed', v_owed::text, 'status', v_status);
  END IF;
  v_penalty := LEAST(v_pay, l.penalty_due_fen);
  v_interest := LEAST(v_pay - v_penalty, l.interest_due_fen);
  v_principal := v_pay - v_penalty - v_interest;
  v_from_wallet := LEAST(v_pay, v_wallet_balance);
  v_from_fund := v_pay - v_from_wallet;
  v_accounts := ARRAY[v_wallet, v_fund, ledger_loan_account(p_loan, l.user_id, 'INTEREST'), ledger_loan_account(p_loan, l.user_id, 'PRINCIPAL')];
  v_amounts := ARRAY[-v_from_wallet, -v_from_fund, v_penalty + v_interest, v_principal];
  SELECT DISTINCT p.journal_id INTO v_journal
    FROM ledger_post('LOAN_REPAYMENT', 'loan:' || p_loan, NULL, p_loan, p_actor, NULL,
                     ARRAY(SELECT a FROM unnest(v_accounts, v_amounts) x(a, m) WHERE m <> 0),
                     ARRAY(SELECT m FROM unnest(v_accounts, v_amounts) x(a, m) WHERE m <> 0)) p;
  UPDATE loans
     SET penalty_due_fen = penalty_due_fen - v_penalty, penalty_paid_fen = penalty_paid_fen + v_penalty,
         interest_due_fen = interest_due_fen - v_interest, interest_paid_fen = interest_paid_fen + v_interest,
         principal_outstanding_fen = principal_outstanding_fen - v_principal, principal_paid_fen = principal_paid_fen + v_principal,
         interest_carry_e8 = CASE WHEN v_principal > 0 THEN 0 ELSE interest_carry_e8 END, updated_at = now()
   WHERE id = p_loan;
  IF v_principal > 0 THEN
    WITH u AS (
      SELECT i.seq, i.principal_fen - i.principal_paid_fen AS unpaid,
             sum(i.principal_fen - i.principal_paid_fen) OVER (ORDER BY i.seq) - (i.principal_fen - i.principal_paid_fen) AS before
        FROM loan_instalments i WHERE i.loan_id = p_loan AND i.principal_paid_fen < i.principal_fen
    )
    UPDATE loan_instalments i SET principal_paid_fen = i.principal_paid_fen + LEAST(u.unpaid, v_principal - u.before)
      FROM u WHERE i.loan_id = p_loan AND i.seq = u.seq AND v_principal > u.before;
  END IF;
  INSERT INTO loan_repayments (loan_id, source, amount_fen, penalty_fen, interest_fen, principal_fen, from_wallet_fen, from_fund_fen,
                               journal_id, idempotency_key, order_id, created_by_id, created_at)
  VALUES (p_loan, p_source, v_pay, v_penalty, v_interest, v_principal, v_from_wallet, v_from_fund, v_journal, p_key, p_order, p_actor, p_now);
  v_status := credit_refresh_loan(p_loan, p_now);
  RETURN jsonb_build_object('paid', v_pay::text, 'penalty', v_penalty::text, 'interest', v_interest::text, 'principal', v_principal::text,
                            'fromWallet', v_from_wallet::text, 'fromFund', v_from_fund::text, 'status', v_status, 'journalId', v_journal::text);
END $$;

-- Before a release posts anything: lock the merchant's open loans (id order) and accrue their days not yet
-- accrued (the income account before the wallet). Returns whether the merchant has any.
CREATE FUNCTION credit_prepare_release(p_user text, p_now timestamptz) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
  v_loan text;
  v_any boolean := false;
BEGIN
  FOR v_loan IN SELECT id FROM loans WHERE user_id = p_user AND status <> 'REPAID' ORDER BY id FOR UPDATE LOOP
    v_any := true;
    PERFORM credit_catch_up(v_loan, platform_day(p_now) - 1);
  END LOOP;
  RETURN v_any;
END $$;

-- What a release pays to loans, out of p_left (the merchant's net after any dispute receivable was recovered),
-- just credited to the wallet in the same statement: (1) the loan against this very order, in full if the money is
-- there; (2) while any loan is overdue, p_overdue_share_bps of what is left (or the merchant's own share set by
-- monitoring, whichever is higher; monitoring's applies even with nothing overdue) to the loans, the overdue ones
-- first, oldest due first. Returns the amount taken.
CREATE FUNCTION credit_collect_from_release(p_user text, p_order text, p_left bigint, p_overdue_share_bps int, p_now timestamptz, p_actor text) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
  v_left bigint := p_left;
  v_taken bigint := 0;
  v_paid bigint;
  v_order_loan text;
  v_line_share int;
  v_share int;
  v_budget bigint;
  r record;
BEGIN
  IF v_left <= 0 THEN RETURN 0; END IF;
  SELECT id INTO v_order_loan FROM loans WHERE order_id = p_order AND status <> 'REPAID';
  IF v_order_loan IS NOT NULL THEN
    v_paid := (credit_repay(v_order_loan, v_left, 'ANY', false, 'RELEASE', 'release:' || p_order, p_order, p_actor, p_now) ->> 'paid')::bigint;
    v_left := v_left - v_paid;
    v_taken := v_taken + v_paid;
  END IF;
  SELECT release_share_bps INTO v_line_share FROM credit_lines WHERE user_id = p_user;
  v_share := GREATEST(CASE WHEN EXISTS (SELECT 1 FROM loans WHERE user_id = p_user AND status = 'OVERDUE') THEN p_overdue_share_bps ELSE 0 END,
                      COALESCE(v_line_share, 0));
  v_budget := (v_left * v_share) / 10000;
  FOR r IN
    SELECT l.id, l.status
      FROM loans l
     WHERE l.user_id = p_user AND l.status <> 'REPAID' AND (l.status = 'OVERDUE' OR COALESCE(v_line_share, 0) > 0)
     ORDER BY l.status <> 'OVERDUE',
              (SELECT min(credit_due_day(i.due_day, l.called_day)) FROM loan_instalments i WHERE i.loan_id = l.id AND i.settled_at IS NULL) NULLS LAST,
              l.id
  LOOP
    EXIT WHEN v_budget <= 0;
    v_paid := (credit_repay(r.id, v_budget, CASE WHEN r.status = 'OVERDUE' THEN 'DUE' ELSE 'ANY' END, false, 'SHARE', 'share:' || p_order,
                            p_order, p_actor, p_now) ->> 'paid')::bigint;
    v_budget := v_budget - v_paid;
    v_taken := v_taken + v_paid;
  END LOOP;
  RETURN v_taken;
END $$;

-- The release, as before (docs/escrow.md), and now the loans (docs/credit.md): after the dispute receivable (it
-- comes first), the order's own loan is repaid from the release, and while anything is overdue a share of it goes to
-- the loans; in the same statement, before any of it is the merchant's to spend. One new argument: the overdue
-- share (setting credit.overdueReleaseShareBps). Merchants without an open loan cost one index probe more.
DROP FUNCTION escrow_confirm(text, text, timestamptz, text, text, text, timestamptz, int[], int[], int);
DROP FUNCTION escrow_release(text, text, timestamptz, text, text, timestamptz, int[], int[], int);
CREATE FUNCTION escrow_release(
  p_order text, p_actor text, p_now timestamptz, p_event text, p_only_buyer text, p_due_by timestamptz,
  p_fee_bps int[], p_reserve_bps int[], p_reserve_days int, p_loan_share_bps int
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
  v_loans boolean := false;
  v_loan_paid bigint := 0;
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
  -- Most merchants have no loan: one probe. With loans, their rows are locked and their interest brought up to
  -- yesterday before any account is locked.
  IF v_held > 0 AND EXISTS (SELECT 1 FROM loans WHERE user_id = v_user AND status <> 'REPAID') THEN
    v_loans := credit_prepare_release(v_user, p_now);
  END IF;
  IF v_held > 0 THEN
    v_accounts := ARRAY[ledger_order_account(o.id), ledger_user_account(v_user, 'WALLET'),
                        ledger_platform_account('PLATFORM_FEE'), ledger_user_account(v_user, 'RESERVE'), v_receivable];
    v_amounts := ARRAY[-v_held, v_net - v_recovered, v_fee, v_reserve, v_recovered];
    PERFORM ledger_post('ESCROW_RELEASE', 'order:' || o.id, o.id, p_actor, NULL,
                        ARRAY(SELECT a FROM unnest(v_accounts, v_amounts) x(a, m) WHERE m <> 0),
                        ARRAY(SELECT m FROM unnest(v_accounts, v_amounts) x(a, m) WHERE m <> 0));
  END IF;
  IF v_loans THEN
    v_loan_paid := credit_collect_from_release(v_user, o.id, v_net - v_recovered, p_loan_share_bps, p_now, p_actor);
  END IF;
  UPDATE orders SET fee_fen = v_fee, reserve_fen = v_reserve, net_fen = v_net WHERE id = o.id;
  IF v_reserve > 0 THEN
    INSERT INTO reserve_holds (order_id, user_id, amount_fen, release_at)
    VALUES (o.id, v_user, v_reserve, p_now + make_interval(days => p_reserve_days));
  END IF;
  INSERT INTO order_events (order_id, type, actor_id, data, created_at)
  VALUES (o.id, p_event, p_actor,
          jsonb_build_object('fee', v_fee::text, 'reserve', v_reserve::text, 'net', v_net::text)
            || CASE WHEN v_recovered > 0 THEN jsonb_build_object('recovered', v_recovered::text) ELSE '{}'::jsonb END
            || CASE WHEN v_loan_paid > 0 THEN jsonb_build_object('loanRepaid', v_loan_paid::text) ELSE '{}'::jsonb END,
          p_now);
  RETURN jsonb_build_object('orderId', o.id, 'fee', v_fee::text, 'reserve', v_reserve::text, 'net', v_net::text,
                            'recovered', v_recovered::text, 'loanRepaid', v_loan_paid::text);
END $$;

-- The buyer confirms receipt (docs/escrow.md), with the loans' share passed on to the release.
CREATE FUNCTION escrow_confirm(
  p_buyer text, p_order text, p_now timestamptz,
  p_scope text, p_key text, p_hash text, p_expires timestamptz,
  p_fee_bps int[], p_reserve_bps int[], p_reserve_days int, p_loan_share_bps int
) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  v_replay jsonb;
  v_result jsonb;
  v_status text;
BEGIN
  v_replay := idem_begin(p_scope, p_key, p_hash, p_now, p_expires);
  IF v_replay IS NOT NULL THEN RETURN jsonb_build_object('replayed', true, 'result', v_replay -> 'response'); END IF;
  v_result := escrow_release(p_order, p_buyer, p_now, 'confirmed', p_buyer, NULL, p_fee_bps, p_reserve_bps, p_reserve_days, p_loan_share_bps);
  IF v_result IS NULL THEN
    SELECT status::text INTO v_status FROM orders WHERE id = p_order AND buyer_id = p_buyer;
    IF v_status IS NULL THEN PERFORM anxin_fail('not_found'); END IF;
    PERFORM anxin_fail('not_released', v_status);
  END IF;
  PERFORM idem_finish(p_scope, p_key, v_result);
  RETURN jsonb_build_object('replayed', false, 'result', v_result);
END $$;
