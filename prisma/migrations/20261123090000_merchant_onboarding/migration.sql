-- CreateEnum
CREATE TYPE "RiskLevel" AS ENUM ('LOW', 'MEDIUM', 'HIGH');

-- CreateEnum
CREATE TYPE "EntityType" AS ENUM ('INDIVIDUAL', 'COMPANY');

-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('BUSINESS_LICENSE', 'ID_FRONT', 'ID_BACK');

-- AlterTable
ALTER TABLE "merchants" ADD COLUMN     "decided_at" TIMESTAMPTZ(3),
ADD COLUMN     "rejected_at" TIMESTAMPTZ(3),
ADD COLUMN     "risk_level" "RiskLevel",
ADD COLUMN     "submitted_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "merchant_applications" (
    "merchant_id" TEXT NOT NULL,
    "completed_steps" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "entity_type" "EntityType",
    "registered_name" TEXT,
    "credit_code" TEXT,
    "category" TEXT,
    "shop_url" TEXT,
    "expected_monthly_sales_fen" BIGINT,
    "rep_name" TEXT,
    "rep_id_number" TEXT,
    "rep_mobile" TEXT,
    "bank_code" TEXT,
    "account_holder" TEXT,
    "account_number" TEXT,
    "needs_info_fields" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "review_message" TEXT,
    "review_reason_code" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "merchant_applications_pkey" PRIMARY KEY ("merchant_id")
);

-- CreateTable
CREATE TABLE "merchant_documents" (
    "id" TEXT NOT NULL,
    "merchant_id" TEXT NOT NULL,
    "kind" "DocumentKind" NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "mime_type" TEXT NOT NULL,
    "original_name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "merchant_documents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "merchant_reviews" (
    "id" BIGSERIAL NOT NULL,
    "merchant_id" TEXT NOT NULL,
    "actor_id" TEXT NOT NULL,
    "from_status" "MerchantStatus" NOT NULL,
    "to_status" "MerchantStatus" NOT NULL,
    "risk_level" "RiskLevel",
    "reason_code" TEXT,
    "message" TEXT,
    "fields" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "merchant_reviews_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "settings" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updated_by_id" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "settings_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" BIGSERIAL NOT NULL,
    "user_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "read_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "merchant_documents_merchant_id_kind_key" ON "merchant_documents"("merchant_id", "kind");

-- CreateIndex
CREATE INDEX "merchant_reviews_merchant_id_created_at_idx" ON "merchant_reviews"("merchant_id", "created_at");

-- CreateIndex
CREATE INDEX "notifications_user_id_created_at_idx" ON "notifications"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "merchants_status_submitted_at_idx" ON "merchants"("status", "submitted_at");

-- AddForeignKey
ALTER TABLE "merchant_applications" ADD CONSTRAINT "merchant_applications_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "merchant_documents" ADD CONSTRAINT "merchant_documents_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "merchant_reviews" ADD CONSTRAINT "merchant_reviews_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written: rules the database keeps whatever the code does.
ALTER TABLE "merchants" ADD CONSTRAINT "merchants_trading_has_risk_level"
  CHECK ("status" NOT IN ('APPROVED', 'SUSPENDED') OR "risk_level" IS NOT NULL);
ALTER TABLE "merchant_applications" ADD CONSTRAINT "merchant_applications_sales_not_negative"
  CHECK ("expected_monthly_sales_fen" IS NULL OR "expected_monthly_sales_fen" >= 0);
ALTER TABLE "merchant_documents" ADD CONSTRAINT "merchant_documents_size_positive" CHECK ("size_bytes" > 0);
