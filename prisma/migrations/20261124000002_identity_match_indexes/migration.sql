-- CreateIndex
CREATE INDEX "merchant_applications_credit_code_idx" ON "merchant_applications"("credit_code");

-- CreateIndex
CREATE INDEX "merchant_applications_rep_id_number_idx" ON "merchant_applications"("rep_id_number");

-- CreateIndex
CREATE INDEX "merchant_applications_account_number_idx" ON "merchant_applications"("account_number");
