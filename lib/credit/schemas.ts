import { z } from "zod";
import { idempotencyKey, yuan } from "@/lib/wallet/schemas";
import { recordId } from "@/lib/validation/text";
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

/** Early repayment: an amount, or everything owed ("full" checked). */
export const repaySchema = z.object({
  loanId: recordId(),
  full: z.enum(["on"]).optional(),
  amount: z.string().optional(),
  idempotencyKey,
});
