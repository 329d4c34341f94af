-- CreateEnum
CREATE TYPE "EmailStatus" AS ENUM ('PENDING', 'SENT', 'FAILED', 'SKIPPED');

-- CreateTable
CREATE TABLE "email_outbox" (
    "id" BIGSERIAL NOT NULL,
    "user_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "dedupe_key" TEXT,
    "status" "EmailStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "to_address" TEXT,
    "locale" TEXT,
    "subject" TEXT,
    "text_body" TEXT,
    "html_body" TEXT,
    "transport" TEXT,
    "message_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "email_outbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "password_resets" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "user_id" TEXT,
    "ip" TEXT,
    "token_hash" CHAR(64),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),

    CONSTRAINT "password_resets_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "email_outbox_dedupe_key_key" ON "email_outbox"("dedupe_key");

-- CreateIndex
CREATE INDEX "email_outbox_status_next_attempt_at_idx" ON "email_outbox"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "email_outbox_user_id_created_at_idx" ON "email_outbox"("user_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "password_resets_token_hash_key" ON "password_resets"("token_hash");

-- CreateIndex
CREATE INDEX "password_resets_email_created_at_idx" ON "password_resets"("email", "created_at");

-- CreateIndex
CREATE INDEX "password_resets_ip_created_at_idx" ON "password_resets"("ip", "created_at");

-- CreateIndex
CREATE INDEX "password_resets_user_id_idx" ON "password_resets"("user_id");

-- AddForeignKey
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "password_resets" ADD CONSTRAINT "password_resets_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;



-- Hand-written ------------------------------------------------------------------------------------------------

ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_attempts_not_negative" CHECK (attempts >= 0);
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_sent_has_time" CHECK (status <> 'SENT' OR sent_at IS NOT NULL);
ALTER TABLE "password_resets" ADD CONSTRAINT "password_resets_expiry_after_request" CHECK (expires_at > created_at);

-- A paid order is announced to its merchant, a shipped one to its buyer: an in-app notification and an email
-- in the outbox, written by the very statement that changed the status (escrow_pay, shipOrder), whatever code
-- path ran it. The email is delivered afterwards by the email.deliver job (lib/email/deliver.ts), so sending
-- can neither hold up nor undo the payment. Only CREATED → PAID and PAID → SHIPPED announce anything: a
-- dispute that ends and puts the order back to PAID or SHIPPED does not. The dedupe key makes each one once.
CREATE FUNCTION orders_announce_paid_shipped() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_user text;
  v_kind text;
  v_params jsonb;
BEGIN
  IF NEW.status = 'PAID' THEN
    SELECT user_id INTO v_user FROM merchants WHERE id = NEW.merchant_id;
    v_kind := 'order.paid';
  ELSE
    v_user := NEW.buyer_id;
    v_kind := 'order.shipped';
  END IF;
  IF v_user IS NULL THEN RETURN NULL; END IF;
  v_params := jsonb_build_object('orderId', NEW.id, 'orderNo', NEW.order_no, 'amountFen', NEW.total_fen::text)
              || CASE WHEN v_kind = 'order.shipped'
                      THEN jsonb_build_object('carrier', NEW.carrier, 'trackingNo', NEW.tracking_no) ELSE '{}'::jsonb END;
  INSERT INTO email_outbox (user_id, kind, params, dedupe_key, created_at)
  VALUES (v_user, v_kind, v_params, v_kind || ':' || NEW.id, NEW.updated_at)
  ON CONFLICT (dedupe_key) DO NOTHING;
  IF FOUND THEN
    INSERT INTO notifications (user_id, kind, params, created_at) VALUES (v_user, v_kind, v_params, NEW.updated_at);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER orders_announce_paid_shipped
  AFTER UPDATE OF status ON orders
  FOR EACH ROW WHEN ((OLD.status = 'CREATED' AND NEW.status = 'PAID') OR (OLD.status = 'PAID' AND NEW.status = 'SHIPPED'))
  EXECUTE FUNCTION orders_announce_paid_shipped();
