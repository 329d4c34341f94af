import { z } from "zod";
import { DomainError } from "@/lib/errors/domain-error";
import { IDEMPOTENCY_KEY_PATTERN } from "@/lib/ledger/idempotency";
import { type ParseYuanOptions, parseYuan } from "@/lib/money/fen";
import { singleLine } from "@/lib/validation/text";

/**
 * Yuan typed by a person → fen, through the one parser (lib/money/fen.ts). The rule broken becomes the field's
 * message key, and its parameters (the maximum) travel with the issue so the message is filled in.
 */
export const yuan = (options: ParseYuanOptions = {}) =>
  z.string({ error: "validation.amount.required" }).transform((text, ctx) => {
    try {
      return parseYuan(text, options);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      ctx.addIssue({ code: "custom", message: error.messageKey, params: error.params });
      return z.NEVER;
    }
  });

/** A positive amount up to MAX_AMOUNT_FEN. */
export const yuanAmount = yuan();

export const idempotencyKey = z.string().regex(IDEMPOTENCY_KEY_PATTERN, { error: "errors.idempotency_key_invalid" });

export const topUpSchema = z.object({
  amount: yuanAmount,
  cardNumber: singleLine({ max: 30, required: "validation.card.invalid", tooLong: "validation.card.invalid" }),
  idempotencyKey,
});

export const withdrawSchema = z.object({
  amount: yuanAmount,
  bankAccount: singleLine({ max: 30, required: "validation.bankAccount", tooLong: "validation.bankAccount" }),
  idempotencyKey,
});
