-- AlterTable
ALTER TABLE "journals" ADD COLUMN     "order_id" TEXT;

-- AlterTable
ALTER TABLE "orders" ADD COLUMN     "claimed_fen" BIGINT NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "disputes" ADD COLUMN     "arbitrated" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "journals_order_id_idx" ON "journals"("order_id");

-- AddForeignKey
ALTER TABLE "journals" ADD CONSTRAINT "journals_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;



-- ---------------------------------------------------------------------------------------------------
-- Hand-written
-- ---------------------------------------------------------------------------------------------------

-- Journals written before this migration name their order only in "reference": link them. Journals are
-- append-only (ledger_refuse_change), so the trigger is lifted for this one backfill.
ALTER TABLE "journals" DISABLE TRIGGER "journals_append_only";
UPDATE "journals" j SET "order_id" = substring(j."reference" FROM 7)
 WHERE j."reference" LIKE 'order:%' AND EXISTS (SELECT 1 FROM "orders" o WHERE o."id" = substring(j."reference" FROM 7));
UPDATE "journals" j SET "order_id" = d."order_id"
  FROM "disputes" d WHERE j."reference" = 'dispute:' || d."id";
ALTER TABLE "journals" ENABLE TRIGGER "journals_append_only";

-- After-sale claims already paid count against what the buyer paid.
UPDATE "orders" o SET "claimed_fen" = c."total"
  FROM (SELECT j."order_id", SUM(p."amount") AS "total"
          FROM "journals" j JOIN "postings" p ON p."journal_id" = j."id"
          JOIN "ledger_accounts" a ON a."id" = p."account_id"
          JOIN "orders" o2 ON o2."id" = j."order_id" AND a."user_id" = o2."buyer_id"
         WHERE j."kind" = 'DISPUTE_CLAIM' GROUP BY j."order_id") c
 WHERE o."id" = c."order_id";

-- No buyer receives more from an order than they paid: every payout (refund, cancellation, dispute refund,
-- after-sale claim) is counted in refunded_fen or claimed_fen, in the same statement that pays it.
-- Added NOT VALID and then validated, so that a database holding orders overpaid before this fix still
-- migrates (npm run ledger:verify lists those orders) while every new payout is checked.
ALTER TABLE "orders" ADD CONSTRAINT "orders_buyer_not_overpaid"
  CHECK ("claimed_fen" >= 0 AND "refunded_fen" + "claimed_fen" <= "total_fen") NOT VALID;
DO $$
BEGIN
  ALTER TABLE "orders" VALIDATE CONSTRAINT "orders_buyer_not_overpaid";
EXCEPTION WHEN check_violation THEN
  RAISE WARNING 'orders overpaid before this migration exist: run npm run ledger:verify';
END $$;
