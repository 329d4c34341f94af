-- DropTable
DROP TABLE "merchant_dispute_stats";

-- CreateIndex
CREATE INDEX "orders_merchant_id_paid_at_idx" ON "orders"("merchant_id", "paid_at");

