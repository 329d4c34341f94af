import { z } from "zod";
import type { Tx } from "@/lib/db/transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { emailText, secretText, singleLine } from "@/lib/validation/text";
import { userAccount } from "@/lib/ledger/accounts";
import { hashPassword, passwordProblem } from "./password";
import { LOCALES } from "@/lib/i18n/locales";

export const registerSchema = z
  .object({
    email: emailText(),
    name: singleLine({ max: 60, required: "validation.name.required", tooLong: "validation.name.tooLong" }),
    password: secretText({ max: 200, tooLong: "validation.password.tooLong" }),
    role: z.enum(["BUYER", "MERCHANT"], { error: "validation.role" }),
    locale: z.enum(LOCALES).default("zh-CN"),
  })
  .superRefine((value, ctx) => {
    const problem = passwordProblem(value.password, value.email);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  });

export type RegisterInput = z.infer<typeof registerSchema>;

/**
 * Self-service sign-up for buyers and merchants (admins are created by an admin). A merchant starts in
 * onboarding (DRAFT) and may not trade until approved. The wallet account is opened at once.
 */
export async function registerUser(tx: Tx, raw: RegisterInput) {
  const input = registerSchema.parse(raw);
  const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw new DomainError("email_taken", { fieldErrors: { email: "errors.email_taken" } });
  const passwordHash = await hashPassword(input.password);
  const user = await tx.user
    .create({
      data: {
        email: input.email,
        name: input.name,
        passwordHash,
        role: input.role,
        locale: input.locale,
        ...(input.role === "MERCHANT" ? { merchant: { create: { displayName: input.name } } } : {}),
      },
      select: { id: true, email: true, role: true, name: true, sessionVersion: true },
    })
    .catch((error: unknown) => {
      // Two sign-ups with one address at once both pass the check above; the unique index decides.
      if (isEmailUniqueViolation(error)) throw new DomainError("email_taken", { fieldErrors: { email: "errors.email_taken" } });
      throw error;
    });
  await userAccount(tx, user.id);
  return user;
}

/** A unique-index clash on users.email: a concurrent sign-up with the same address won. */
export function isEmailUniqueViolation(error: unknown) {
  const e = error as { code?: string; meta?: unknown };
  return e?.code === "P2002" && /users_email_key|"email"/.test(JSON.stringify(e.meta ?? ""));
}
