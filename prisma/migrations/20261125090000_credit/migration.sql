-- CreateEnum
CREATE TYPE "LoanProduct" AS ENUM ('ORDER', 'CREDIT');

-- CreateEnum
CREATE TYPE "RepaymentMethod" AS ENUM ('EQUAL_INSTALMENT', 'EQUAL_PRINCIPAL', 'INTEREST_FIRST', 'BULLET');

-- CreateEnum
CREATE TYPE "LoanApplicationStatus" AS ENUM ('APPROVED', 'DECLINED', 'REVIEW', 'ACCEPTED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "LoanStatus" AS ENUM ('ACTIVE', 'OVERDUE', 'REPAID');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "AccountType" ADD VALUE 'LOAN_PRINCIPAL';
ALTER TYPE "AccountType" ADD VALUE 'LOAN_INTEREST';
ALTER TYPE "AccountType" ADD VALUE 'INTEREST_INCOME';

-- AlterTable
ALTER TABLE "journals" ADD COLUMN     "loan_id" TEXT;

-- CreateTable
CREATE TABLE "credit_assessments" (
    "id" BIGSERIAL NOT NULL,
    "merchant_id" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "scorecard_version" TEXT NOT NULL,
    "inputs" JSONB NOT NULL,
    "score" INTEGER NOT NULL,
    "grade" CHAR(1) NOT NULL,
    "limit_fen" BIGINT NOT NULL,
    "reasons" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "as_of" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "credit_assessments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "credit_lines" (
    "merchant_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "limit_fen" BIGINT NOT NULL DEFAULT 0,
    "available_fen" BIGINT NOT NULL DEFAULT 0,
    "score" INTEGER,
    "grade" CHAR(1),
    "assessment_id" BIGINT,
    "blocked_reason" TEXT,
    "frozen" BOOLEAN NOT NULL DEFAULT false,
    "frozen_signals" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "release_share_bps" INTEGER NOT NULL DEFAULT 0,
    "restoration_since" TIMESTAMPTZ(3),
    "restoration_steps" INTEGER NOT NULL DEFAULT 0,
    "notified_fen" BIGINT NOT NULL DEFAULT 0,
    "assessed_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "credit_lines_pkey" PRIMARY KEY ("merchant_id")
);

-- CreateTable
CREATE TABLE "loan_applications" (
    "id" TEXT NOT NULL,
    "merchant_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "product" "LoanProduct" NOT NULL,
    "method" "RepaymentMethod" NOT NULL,
    "amount_fen" BIGINT NOT NULL,
    "term_months" INTEGER NOT NULL,
    "order_id" TEXT,
    "daily_rate_e8" BIGINT NOT NULL,
    "status" "LoanApplicationStatus" NOT NULL,
    "assessment_id" BIGINT NOT NULL,
    "reasons" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "expires_at" TIMESTAMPTZ(3),
    "decided_at" TIMESTAMPTZ(3),
    "proposed_by_id" TEXT,
    "proposed_at" TIMESTAMPTZ(3),
    "decided_by_id" TEXT,
    "review_note" TEXT,
    "accepted_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "loan_applications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "loans" (
    "id" TEXT NOT NULL,
    "merchant_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "application_id" TEXT NOT NULL,
    "product" "LoanProduct" NOT NULL,
    "method" "RepaymentMethod" NOT NULL,
    "order_id" TEXT,
    "principal_fen" BIGINT NOT NULL,
    "term_months" INTEGER NOT NULL,
    "daily_rate_e8" BIGINT NOT NULL,
    "penalty_rate_e8" BIGINT NOT NULL,
    "status" "LoanStatus" NOT NULL DEFAULT 'ACTIVE',
    "disbursed_at" TIMESTAMPTZ(3) NOT NULL,
    "disbursed_day" DATE NOT NULL,
    "principal_outstanding_fen" BIGINT NOT NULL,
    "interest_due_fen" BIGINT NOT NULL DEFAULT 0,
    "penalty_due_fen" BIGINT NOT NULL DEFAULT 0,
    "interest_carry_e8" BIGINT NOT NULL DEFAULT 0,
    "penalty_carry_e8" BIGINT NOT NULL DEFAULT 0,
    "accrued_through" DATE NOT NULL,
    "interest_accrued_fen" BIGINT NOT NULL DEFAULT 0,
    "penalty_accrued_fen" BIGINT NOT NULL DEFAULT 0,
    "principal_paid_fen" BIGINT NOT NULL DEFAULT 0,
    "interest_paid_fen" BIGINT NOT NULL DEFAULT 0,
    "penalty_paid_fen" BIGINT NOT NULL DEFAULT 0,
    "dpd" INTEGER NOT NULL DEFAULT 0,
    "max_dpd" INTEGER NOT NULL DEFAULT 0,
    "first_dpd30_at" TIMESTAMPTZ(3),
    "called_day" DATE,
    "repaid_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "loans_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "loan_instalments" (
    "loan_id" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "due_day" DATE,
    "principal_fen" BIGINT NOT NULL,
    "interest_fen" BIGINT NOT NULL,
    "principal_paid_fen" BIGINT NOT NULL DEFAULT 0,
    "settled_at" TIMESTAMPTZ(3),

    CONSTRAINT "loan_instalments_pkey" PRIMARY KEY ("loan_id","seq")
);

-- CreateTable
CREATE TABLE "loan_repayments" (
    "id" BIGSERIAL NOT NULL,
    "loan_id" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "amount_fen" BIGINT NOT NULL,
    "penalty_fen" BIGINT NOT NULL,
    "interest_fen" BIGINT NOT NULL,
    "principal_fen" BIGINT NOT NULL,
    "from_wallet_fen" BIGINT NOT NULL,
    "from_fund_fen" BIGINT NOT NULL,
    "journal_id" BIGINT NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "order_id" TEXT,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "loan_repayments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "loan_accruals" (
    "loan_id" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "principal_fen" BIGINT NOT NULL,
    "interest_fen" BIGINT NOT NULL,
    "overdue_principal_fen" BIGINT NOT NULL,
    "penalty_fen" BIGINT NOT NULL,
    "journal_id" BIGINT,

    CONSTRAINT "loan_accruals_pkey" PRIMARY KEY ("loan_id","day")
);

-- CreateTable
CREATE TABLE "credit_days" (
    "day" DATE NOT NULL,
    "loans" INTEGER NOT NULL,
    "interest_fen" BIGINT NOT NULL,
    "penalty_fen" BIGINT NOT NULL,
    "journal_id" BIGINT,
    "accrued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "credit_days_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "credit_monitor_events" (
    "id" BIGSERIAL NOT NULL,
    "merchant_id" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "signals" TEXT[],
    "actions" TEXT[],
    "details" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "credit_monitor_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "credit_assessments_merchant_id_id_idx" ON "credit_assessments"("merchant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "credit_lines_user_id_key" ON "credit_lines"("user_id");

-- CreateIndex
CREATE INDEX "loan_applications_merchant_id_created_at_idx" ON "loan_applications"("merchant_id", "created_at");

-- CreateIndex
CREATE INDEX "loan_applications_status_created_at_idx" ON "loan_applications"("status", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "loans_application_id_key" ON "loans"("application_id");

-- CreateIndex
CREATE UNIQUE INDEX "loans_order_id_key" ON "loans"("order_id");

-- CreateIndex
CREATE INDEX "loans_user_id_status_idx" ON "loans"("user_id", "status");

-- CreateIndex
CREATE INDEX "loans_merchant_id_created_at_idx" ON "loans"("merchant_id", "created_at");

-- CreateIndex
CREATE INDEX "loans_status_accrued_through_idx" ON "loans"("status", "accrued_through");

-- CreateIndex
CREATE INDEX "loan_repayments_loan_id_id_idx" ON "loan_repayments"("loan_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "loan_repayments_loan_id_idempotency_key_key" ON "loan_repayments"("loan_id", "idempotency_key");

-- CreateIndex
CREATE INDEX "loan_accruals_day_idx" ON "loan_accruals"("day");

-- CreateIndex
CREATE UNIQUE INDEX "credit_monitor_events_merchant_id_day_key" ON "credit_monitor_events"("merchant_id", "day");

-- CreateIndex
CREATE INDEX "journals_loan_id_idx" ON "journals"("loan_id");

-- AddForeignKey
ALTER TABLE "journals" ADD CONSTRAINT "journals_loan_id_fkey" FOREIGN KEY ("loan_id") REFERENCES "loans"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "loans" ADD CONSTRAINT "loans_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "loan_applications"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "loan_instalments" ADD CONSTRAINT "loan_instalments_loan_id_fkey" FOREIGN KEY ("loan_id") REFERENCES "loans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "loan_repayments" ADD CONSTRAINT "loan_repayments_loan_id_fkey" FOREIGN KEY ("loan_id") REFERENCES "loans"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "loan_accruals" ADD CONSTRAINT "loan_accruals_loan_id_fkey" FOREIGN KEY ("loan_id") REFERENCES "loans"("id") ON DELETE RESTRICT ON UPDATE CASCADE;




-- ---------------------------------------------------------------------------------------------------
-- Hand-written: the credit rules the database keeps (docs/credit.md). The money functions follow in the next
-- migration (*_credit_functions).
-- ---------------------------------------------------------------------------------------------------

-- A loan's figures add up: what was disbursed is paid or outstanding; what accrued is paid or due; nothing is
-- repaid beyond what was owed (no loan repaid more than owed); carried sub-fen rests stay below one fen.
ALTER TABLE "loans" ADD CONSTRAINT "loans_amounts_add_up" CHECK (
  "principal_fen" > 0
  AND "principal_outstanding_fen" >= 0 AND "principal_paid_fen" >= 0
  AND "principal_paid_fen" + "principal_outstanding_fen" = "principal_fen"
  AND "interest_due_fen" >= 0 AND "interest_paid_fen" >= 0 AND "interest_paid_fen" + "interest_due_fen" = "interest_accrued_fen"
  AND "penalty_due_fen" >= 0 AND "penalty_paid_fen" >= 0 AND "penalty_paid_fen" + "penalty_due_fen" = "penalty_accrued_fen"
  AND "interest_carry_e8" >= 0 AND "interest_carry_e8" < 100000000
  AND "penalty_carry_e8" >= 0 AND "penalty_carry_e8" < 100000000
  AND "daily_rate_e8" >= 0 AND "penalty_rate_e8" >= 0 AND "dpd" >= 0 AND "max_dpd" >= "dpd");
-- An order loan names its order and is repaid at once; a credit loan runs 1, 3, 6 or 12 months by instalments.
ALTER TABLE "loans" ADD CONSTRAINT "loans_product_shape" CHECK (
  ("product" = 'ORDER' AND "order_id" IS NOT NULL AND "method" = 'BULLET' AND "term_months" = 0)
  OR ("product" = 'CREDIT' AND "order_id" IS NULL AND "method" <> 'BULLET' AND "term_months" IN (1, 3, 6, 12)));
ALTER TABLE "loan_applications" ADD CONSTRAINT "loan_applications_shape" CHECK (
  "amount_fen" > 0 AND "daily_rate_e8" >= 0
  AND (("product" = 'ORDER' AND "order_id" IS NOT NULL AND "method" = 'BULLET' AND "term_months" = 0)
    OR ("product" = 'CREDIT' AND "order_id" IS NULL AND "method" <> 'BULLET' AND "term_months" IN (1, 3, 6, 12))));
-- Maker-checker: the admin who proposed an approval never approves it too.
ALTER TABLE "loan_applications" ADD CONSTRAINT "loan_applications_four_eyes" CHECK (
  "proposed_by_id" IS NULL OR "decided_by_id" IS NULL OR "status" = 'DECLINED' OR "proposed_by_id" <> "decided_by_id");
ALTER TABLE "loan_instalments" ADD CONSTRAINT "loan_instalments_amounts" CHECK (
  "seq" >= 1 AND "principal_fen" >= 0 AND "interest_fen" >= 0 AND "principal_paid_fen" >= 0 AND "principal_paid_fen" <= "principal_fen");
ALTER TABLE "loan_repayments" ADD CONSTRAINT "loan_repayments_amounts" CHECK (
  "amount_fen" > 0 AND "penalty_fen" >= 0 AND "interest_fen" >= 0 AND "principal_fen" >= 0
  AND "penalty_fen" + "interest_fen" + "principal_fen" = "amount_fen"
  AND "from_wallet_fen" >= 0 AND "from_fund_fen" >= 0 AND "from_wallet_fen" + "from_fund_fen" = "amount_fen");
ALTER TABLE "loan_accruals" ADD CONSTRAINT "loan_accruals_amounts" CHECK (
  "principal_fen" >= 0 AND "interest_fen" >= 0 AND "overdue_principal_fen" >= 0 AND "penalty_fen" >= 0);
ALTER TABLE "credit_lines" ADD CONSTRAINT "credit_lines_amounts" CHECK (
  "limit_fen" >= 0 AND "available_fen" >= 0 AND "release_share_bps" BETWEEN 0 AND 10000
  AND "restoration_steps" BETWEEN 0 AND 3 AND "notified_fen" >= 0);

