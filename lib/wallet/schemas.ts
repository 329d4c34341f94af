import { z } from "zod";
import { DomainError } from "@/lib/errors/domain-error";
import { IDEMPOTENCY_KEY_PATTERN } from "@/lib/ledger/idempotency";
import { parseYuan } from "@/lib/money/fen";

/** Yuan typed by a person → fen; the rule broken becomes the field's message key. */
export const yuanAmount = z.string().transform((text, ctx) => {
  try {
    return parseYuan(text);
  } catch (error) {
    ctx.addIssue({ code: "custom", message: error instanceof DomainError ? error.messageKey : "validation.amount.format" });
    return z.NEVER;
  }
});

export const idempotencyKey = z.string().regex(IDEMPOTENCY_KEY_PATTERN, { error: "errors.idempotency_key_invalid" });

export const topUpSchema = z.object({
  amount: yuanAmount,
  cardNumber: z.string().trim().min(1, { error: "validation.card.invalid" }).max(30, { error: "validation.card.invalid" }),
  idempotencyKey,
});

export const withdrawSchema = z.object({
  amount: yuanAmount,
  bankAccount: z.string().trim().min(1, { error: "validation.bankAccount" }).max(30, { error: "validation.bankAccount" }),
  idempotencyKey,
});
