import { z } from "zod";
import { singleLine } from "@/lib/validation/text";
import { yuan } from "@/lib/wallet/schemas";
import { BANK_CODES, accountNumberProblem, normaliseAccountNumber } from "../checks/banks";
import { creditCodeProblem } from "../checks/credit-code";
import { mobileProblem, normaliseMobile } from "../checks/mobile";
import { residentIdProblem } from "../checks/resident-id";

export const BUSINESS_CATEGORIES = ["apparel", "electronics", "food", "home", "beauty", "books", "crafts", "digital", "services", "other"] as const;

const text = (max: number, required = "validation.required") => singleLine({ max, required });

/** Each rule's failure is the i18n key of its message, so the form shows it in the merchant's language. */
const checked = (problem: (value: string) => string | null, normalise: (v: string) => string = (v) => v.trim().toUpperCase()) =>
  singleLine({ max: 64 }).transform((value, ctx) => {
    const normal = normalise(value);
    const key = normal === "" ? "validation.required" : problem(normal);
    if (key) {
      ctx.addIssue({ code: "custom", message: key });
      return z.NEVER;
    }
    return normal;
  });

export const businessStep = z.object({
  entityType: z.enum(["INDIVIDUAL", "COMPANY"], { error: "validation.entityType" }),
  registeredName: text(100),
  creditCode: checked(creditCodeProblem),
  category: z.enum(BUSINESS_CATEGORIES, { error: "validation.category" }),
  shopUrl: singleLine({ max: 300, required: "validation.url" }).pipe(z.url({ protocol: /^https?$/, error: "validation.url" })),
  expectedMonthlySales: yuan({ max: 100_000_000_00n }),
});

export const representativeStep = z.object({
  repName: text(50),
  repIdNumber: checked((v) => residentIdProblem(v)),
  repMobile: checked(mobileProblem, normaliseMobile),
});

export const settlementStepBase = z.object({
  bankCode: z.enum(BANK_CODES, { error: "validation.bank" }),
  accountHolder: text(100),
  accountNumber: singleLine({ max: 64 }).transform(normaliseAccountNumber),
});

/** The holder must be the registered business or its representative; the number must suit the bank. */
export function settlementStep(names: { registeredName?: string | null; repName?: string | null }) {
  return settlementStepBase.superRefine((value, ctx) => {
    const problem = value.accountNumber === "" ? "validation.required" : accountNumberProblem(value.bankCode, value.accountNumber);
    if (problem) ctx.addIssue({ code: "custom", path: ["accountNumber"], message: problem });
    const allowed = [names.registeredName, names.repName].filter(Boolean).map((n) => n!.trim());
    if (!allowed.includes(value.accountHolder.trim())) {
      ctx.addIssue({ code: "custom", path: ["accountHolder"], message: "validation.accountHolder" });
    }
  });
}

export const STEP_FIELDS = {
  1: ["entityType", "registeredName", "creditCode", "category", "shopUrl", "expectedMonthlySales"],
  2: ["repName", "repIdNumber", "repMobile"],
  3: ["bankCode", "accountHolder", "accountNumber"],
  4: ["BUSINESS_LICENSE", "ID_FRONT", "ID_BACK"],
} as const;

export type StepNumber = keyof typeof STEP_FIELDS;
export const ALL_FIELDS = Object.values(STEP_FIELDS).flat() as string[];
export const stepOfField = (field: string): StepNumber | null =>
  (Object.entries(STEP_FIELDS).find(([, fields]) => (fields as readonly string[]).includes(field))?.[0] as unknown as StepNumber) ?? null;
