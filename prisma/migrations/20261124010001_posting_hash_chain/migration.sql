-- Each account's postings form a hash chain (docs/ledger.md, "Hash chain"): a posting's hash covers the
-- previous posting's hash on the same account, its journal, account, amount and balance after. It is computed by
-- ledger_post, the one journal writer, under the account locks it already takes; the account keeps the head of
-- its chain (last_hash), so no lookup of the previous posting is needed.

-- AlterTable
ALTER TABLE "ledger_accounts" ADD COLUMN     "last_hash" CHAR(64);

-- AlterTable. Nullable: a posting written outside ledger_post has none, and ledger:verify reports it as a
-- broken link (every posting the app writes goes through ledger_post).
ALTER TABLE "postings" ADD COLUMN     "hash" CHAR(64);

-- One link of the chain. lib/ledger/hash-chain.ts computes the same in TypeScript (a test checks they agree).
CREATE FUNCTION ledger_link(p_prev text, p_journal bigint, p_account text, p_amount bigint, p_balance bigint) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(COALESCE(p_prev, '') || '|' || p_journal || '|' || p_account || '|' || p_amount || '|' || p_balance, 'UTF8')), 'hex')
$$;

-- The chain as an aggregate: over an account's postings in id order, as a window function, it gives each
-- posting's hash from the genesis (set-based: for rebuilding and for verifying a whole ledger at once).
CREATE FUNCTION ledger_chain_step(p_state text, p_journal bigint, p_account text, p_amount bigint, p_balance bigint) RETURNS text
LANGUAGE sql IMMUTABLE AS $$ SELECT ledger_link(p_state, p_journal, p_account, p_amount, p_balance) $$;
CREATE AGGREGATE ledger_chain(bigint, text, bigint, bigint) (SFUNC = ledger_chain_step, STYPE = text);

-- Chains every posting from scratch and sets each account's head: for postings written before the chain
-- existed, and for data loaded in bulk (the benchmark's history). Postings are append-only, so the caller lifts
-- the triggers for it (this migration, or a bulk load running with session_replication_role = replica).
CREATE FUNCTION ledger_chain_rebuild() RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
  v_count bigint;
BEGIN
  UPDATE postings p SET hash = c.hash
    FROM (SELECT id, ledger_chain(journal_id, account_id, amount, balance_after) OVER (PARTITION BY account_id ORDER BY id) AS hash FROM postings) c
   WHERE p.id = c.id AND p.hash IS DISTINCT FROM c.hash;
  GET DIAGNOSTICS v_count = ROW_COUNT;
  UPDATE ledger_accounts a SET last_hash = h.hash
    FROM (SELECT DISTINCT ON (account_id) account_id, hash FROM postings ORDER BY account_id, id DESC) h
   WHERE a.id = h.account_id;
  RETURN v_count;
END $$;

ALTER TABLE "postings" DISABLE TRIGGER "postings_append_only";
SELECT ledger_chain_rebuild();
ALTER TABLE "postings" ENABLE TRIGGER "postings_append_only";

-- ledger_post, now also extending each account's chain in the same statement that moves its balance.
CREATE OR REPLACE FUNCTION ledger_post(
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
