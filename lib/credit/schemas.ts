import { z } from "zod";
import { idempotencyKey, yuan } from "@/lib/wallet/schemas";
import { multiLine, recordId } from "@/lib/validation/text";
import { CREDIT_METHODS } from "./schedule";

const TERMS = ["1", "3", "6", "12"] as const;

/**
 * A loan as the merchant asks for it (the apply page's preview and the application itself): a credit loan names an
 * amount, a term and a repayment method; an order loan names the order and an amount. What does not belong to the
 * product is ignored; what the product needs and is missing is a field error.
 */
export const loanRequestSchema = z
  .object({
    product: z.enum(["CREDIT", "ORDER"], { error: "credit.errors.product" }),
    amount: yuan(),
    termMonths: z.enum(TERMS, { error: "credit.errors.term" }).transform(Number).optional(),
    method: z.enum(CREDIT_METHODS, { error: "credit.errors.method" }).optional(),
    orderId: recordId().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.product === "CREDIT" && v.termMonths === undefined) ctx.addIssue({ code: "custom", path: ["termMonths"], message: "credit.errors.term" });
    if (v.product === "CREDIT" && v.method === undefined) ctx.addIssue({ code: "custom", path: ["method"], message: "credit.errors.method" });
    if (v.product === "ORDER" && v.orderId === undefined) ctx.addIssue({ code: "custom", path: ["orderId"], message: "credit.errors.order" });
  });
export type LoanRequest = z.output<typeof loanRequestSchema>;

export const applySchema = loanRequestSchema.and(z.object({ idempotencyKey }));

export const acceptSchema = z.object({ applicationId: recordId(), idempotencyKey });

/** Early repayment: an amount, or everything owed ("full" checked: then whatever is in the amount box is ignored). */
export const repaySchema = z.preprocess(
  (raw) => (raw && typeof raw === "object" && (raw as Record<string, unknown>).full === "on" ? { ...(raw as object), amount: undefined } : raw),
  z
    .object({
      loanId: recordId(),
      full: z.enum(["on"]).optional(),
      amount: yuan().optional(),
      idempotencyKey,
    })
    .superRefine((v, ctx) => {
      if (!v.full && v.amount === undefined) ctx.addIssue({ code: "custom", path: ["amount"], message: "validation.amount.required" });
    })
    .transform((v) => ({ loanId: v.loanId, idempotencyKey: v.idempotencyKey, amountFen: v.full ? ("FULL" as const) : v.amount! })),
);

/** An administrator's decision on an application in review, with a note (required to decline). */
export const reviewSchema = z
  .object({
    applicationId: recordId(),
    decision: z.enum(["APPROVE", "DECLINE"], { error: "validation.invalid" }),
    note: multiLine({ max: 500 }).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "DECLINE" && !v.note) ctx.addIssue({ code: "custom", path: ["note"], message: "credit.errors.noteRequired" });
  });
