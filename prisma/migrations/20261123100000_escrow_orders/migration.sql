-- CreateEnum
CREATE TYPE "OrderStatus" AS ENUM ('CREATED', 'PAID', 'SHIPPED', 'DISPUTED', 'COMPLETED', 'CANCELLED', 'REFUNDED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "AccountType" ADD VALUE 'ESCROW';
ALTER TYPE "AccountType" ADD VALUE 'PLATFORM_FEE';
ALTER TYPE "AccountType" ADD VALUE 'RESERVE';

-- AlterTable
ALTER TABLE "ledger_accounts" ADD COLUMN     "order_id" TEXT;

-- CreateTable
CREATE TABLE "orders" (
    "id" TEXT NOT NULL,
    "order_no" TEXT NOT NULL,
    "merchant_id" TEXT NOT NULL,
    "buyer_id" TEXT,
    "status" "OrderStatus" NOT NULL DEFAULT 'CREATED',
    "subtotal_fen" BIGINT NOT NULL,
    "shipping_fen" BIGINT NOT NULL,
    "total_fen" BIGINT NOT NULL,
    "refunded_fen" BIGINT NOT NULL DEFAULT 0,
    "fee_fen" BIGINT,
    "reserve_fen" BIGINT,
    "net_fen" BIGINT,
    "note" TEXT,
    "buyer_contact" TEXT,
    "pay_token" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "paid_at" TIMESTAMPTZ(3),
    "ship_by" TIMESTAMPTZ(3),
    "shipped_at" TIMESTAMPTZ(3),
    "carrier" TEXT,
    "tracking_no" TEXT,
    "auto_confirm_at" TIMESTAMPTZ(3),
    "extended" BOOLEAN NOT NULL DEFAULT false,
    "completed_at" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "orders_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "order_lines" (
    "id" BIGSERIAL NOT NULL,
    "order_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unit_price_fen" BIGINT NOT NULL,
    "amount_fen" BIGINT NOT NULL,

    CONSTRAINT "order_lines_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "order_events" (
    "id" BIGSERIAL NOT NULL,
    "order_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "actor_id" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "order_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reserve_holds" (
    "id" BIGSERIAL NOT NULL,
    "order_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "amount_fen" BIGINT NOT NULL,
    "release_at" TIMESTAMPTZ(3) NOT NULL,
    "released_at" TIMESTAMPTZ(3),

    CONSTRAINT "reserve_holds_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "orders_order_no_key" ON "orders"("order_no");

-- CreateIndex
CREATE UNIQUE INDEX "orders_pay_token_key" ON "orders"("pay_token");

-- CreateIndex
CREATE INDEX "orders_merchant_id_created_at_idx" ON "orders"("merchant_id", "created_at");

-- CreateIndex
CREATE INDEX "orders_merchant_id_status_idx" ON "orders"("merchant_id", "status");

-- CreateIndex
CREATE INDEX "orders_buyer_id_created_at_idx" ON "orders"("buyer_id", "created_at");

-- CreateIndex
CREATE INDEX "orders_status_auto_confirm_at_idx" ON "orders"("status", "auto_confirm_at");

-- CreateIndex
CREATE INDEX "orders_status_expires_at_idx" ON "orders"("status", "expires_at");

-- CreateIndex
CREATE INDEX "order_lines_order_id_idx" ON "order_lines"("order_id");

-- CreateIndex
CREATE INDEX "order_events_order_id_id_idx" ON "order_events"("order_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "reserve_holds_order_id_key" ON "reserve_holds"("order_id");

-- CreateIndex
CREATE INDEX "reserve_holds_released_at_release_at_idx" ON "reserve_holds"("released_at", "release_at");

-- CreateIndex
CREATE UNIQUE INDEX "ledger_accounts_order_id_key" ON "ledger_accounts"("order_id");

-- AddForeignKey
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "orders" ADD CONSTRAINT "orders_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "orders" ADD CONSTRAINT "orders_buyer_id_fkey" FOREIGN KEY ("buyer_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_events" ADD CONSTRAINT "order_events_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- ---------------------------------------------------------------------------------------------------
-- Hand-written
-- ---------------------------------------------------------------------------------------------------

-- Order accounts (escrow) have neither a user nor a platform role: the one-per-type rule is for platform
-- accounts only.
DROP INDEX "ledger_accounts_platform_type_key";
CREATE UNIQUE INDEX "ledger_accounts_platform_type_key" ON "ledger_accounts" ("type", "currency")
  WHERE "user_id" IS NULL AND "order_id" IS NULL;

-- Order numbers come from a sequence, never from count()+1.
CREATE SEQUENCE "order_no_seq" START 1;

ALTER TABLE "orders" ADD CONSTRAINT "orders_amounts_consistent" CHECK (
  "subtotal_fen" >= 0 AND "shipping_fen" >= 0 AND "total_fen" = "subtotal_fen" + "shipping_fen" AND "total_fen" > 0
  AND "refunded_fen" >= 0 AND "refunded_fen" <= "total_fen");
ALTER TABLE "orders" ADD CONSTRAINT "orders_release_adds_up" CHECK (
  "fee_fen" IS NULL OR ("fee_fen" >= 0 AND "reserve_fen" >= 0 AND "net_fen" >= 0
    AND "fee_fen" + "reserve_fen" + "net_fen" + "refunded_fen" = "total_fen"));
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_positive" CHECK (
  "quantity" > 0 AND "unit_price_fen" >= 0 AND "amount_fen" = "quantity" * "unit_price_fen");
ALTER TABLE "reserve_holds" ADD CONSTRAINT "reserve_holds_positive" CHECK ("amount_fen" > 0);
