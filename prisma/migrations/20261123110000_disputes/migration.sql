-- CreateEnum
CREATE TYPE "DisputeStatus" AS ENUM ('OPEN', 'AWAITING_BUYER', 'ESCALATED', 'RESOLVED_BUYER', 'RESOLVED_MERCHANT', 'RESOLVED_SPLIT', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "DisputeReason" AS ENUM ('NOT_RECEIVED', 'NOT_AS_DESCRIBED', 'DAMAGED', 'COUNTERFEIT', 'OTHER');

-- AlterEnum
ALTER TYPE "AccountType" ADD VALUE 'RECEIVABLE';

-- CreateTable
CREATE TABLE "disputes" (
    "id" TEXT NOT NULL,
    "order_id" TEXT NOT NULL,
    "buyer_id" TEXT NOT NULL,
    "merchant_id" TEXT NOT NULL,
    "reason" "DisputeReason" NOT NULL,
    "description" TEXT NOT NULL,
    "claimed_fen" BIGINT NOT NULL,
    "status" "DisputeStatus" NOT NULL DEFAULT 'OPEN',
    "after_completion" BOOLEAN NOT NULL DEFAULT false,
    "order_status_before" "OrderStatus" NOT NULL,
    "frozen_remaining_ms" BIGINT,
    "offer_fen" BIGINT,
    "merchant_deadline" TIMESTAMPTZ(3),
    "buyer_deadline" TIMESTAMPTZ(3),
    "refunded_fen" BIGINT,
    "decision_reason" TEXT,
    "decision_note" TEXT,
    "decided_by_id" TEXT,
    "resolved_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "disputes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dispute_messages" (
    "id" BIGSERIAL NOT NULL,
    "dispute_id" TEXT NOT NULL,
    "author_id" TEXT,
    "author_role" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "amount_fen" BIGINT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dispute_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dispute_files" (
    "id" TEXT NOT NULL,
    "dispute_id" TEXT NOT NULL,
    "message_id" BIGINT,
    "uploader_id" TEXT NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "mime_type" TEXT NOT NULL,
    "original_name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dispute_files_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "merchant_dispute_stats" (
    "merchant_id" TEXT NOT NULL,
    "paid_orders_30" INTEGER NOT NULL,
    "disputes_30" INTEGER NOT NULL,
    "paid_orders_90" INTEGER NOT NULL,
    "disputes_90" INTEGER NOT NULL,
    "lost_share_bps_90" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "merchant_dispute_stats_pkey" PRIMARY KEY ("merchant_id")
);

-- CreateIndex
CREATE INDEX "disputes_order_id_idx" ON "disputes"("order_id");

-- CreateIndex
CREATE INDEX "disputes_status_merchant_deadline_idx" ON "disputes"("status", "merchant_deadline");

-- CreateIndex
CREATE INDEX "disputes_status_buyer_deadline_idx" ON "disputes"("status", "buyer_deadline");

-- CreateIndex
CREATE INDEX "disputes_merchant_id_created_at_idx" ON "disputes"("merchant_id", "created_at");

-- CreateIndex
CREATE INDEX "disputes_buyer_id_created_at_idx" ON "disputes"("buyer_id", "created_at");

-- CreateIndex
CREATE INDEX "dispute_messages_dispute_id_id_idx" ON "dispute_messages"("dispute_id", "id");

-- CreateIndex
CREATE INDEX "dispute_files_dispute_id_idx" ON "dispute_files"("dispute_id");

-- AddForeignKey
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispute_messages" ADD CONSTRAINT "dispute_messages_dispute_id_fkey" FOREIGN KEY ("dispute_id") REFERENCES "disputes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispute_files" ADD CONSTRAINT "dispute_files_dispute_id_fkey" FOREIGN KEY ("dispute_id") REFERENCES "disputes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispute_files" ADD CONSTRAINT "dispute_files_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "dispute_messages"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Hand-written: one open dispute per order, whatever races.
CREATE UNIQUE INDEX "disputes_one_open_per_order" ON "disputes" ("order_id")
  WHERE "status" IN ('OPEN', 'AWAITING_BUYER', 'ESCALATED');
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_amounts" CHECK (
  "claimed_fen" > 0 AND ("offer_fen" IS NULL OR ("offer_fen" > 0 AND "offer_fen" <= "claimed_fen"))
  AND ("refunded_fen" IS NULL OR ("refunded_fen" >= 0 AND "refunded_fen" <= "claimed_fen")));
ALTER TABLE "dispute_files" ADD CONSTRAINT "dispute_files_size" CHECK ("size_bytes" > 0);
