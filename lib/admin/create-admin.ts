import { z } from "zod";
import { assertPermission, type Actor } from "@/lib/auth/actor";
import { ADMIN_ROLES } from "@/lib/auth/admin-roles";
import { hashPassword, passwordProblem } from "@/lib/auth/password";
import { isEmailUniqueViolation } from "@/lib/auth/register";
import { recordAudit } from "@/lib/audit/record";
import type { Tx } from "@/lib/db/transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { emailText, secretText, singleLine } from "@/lib/validation/text";

export const createAdminSchema = z
  .object({
    email: emailText(),
    name: singleLine({ max: 60, required: "validation.name.required", tooLong: "validation.name.tooLong" }),
    password: secretText({ max: 200, tooLong: "validation.password.tooLong" }),
    adminRole: z.enum(ADMIN_ROLES, { error: "validation.adminRole.required" }),
  })
  .superRefine((value, ctx) => {
    const problem = passwordProblem(value.password, value.email);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  });

/** Administrators are never self-registered: only another administrator creates one, and it is audited. */
export async function createAdmin(tx: Tx, actor: Actor, raw: z.input<typeof createAdminSchema>) {
  assertPermission(actor, "admin.create_admin");
  const input = createAdminSchema.parse(raw);
  if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    throw new DomainError("email_taken", { fieldErrors: { email: "errors.email_taken" } });
  }
  const passwordHash = await hashPassword(input.password);
  const user = await tx.user
    .create({ data: { email: input.email, name: input.name, role: "ADMIN", adminRole: input.adminRole, passwordHash }, select: { id: true, email: true, name: true } })
    .catch((error: unknown) => {
      if (isEmailUniqueViolation(error)) throw new DomainError("email_taken", { fieldErrors: { email: "errors.email_taken" } });
      throw error;
    });
  await recordAudit(tx, {
    actorId: actor.userId,
    action: "admin.create",
    targetType: "user",
    targetId: user.id,
    after: { email: user.email, name: user.name, role: "ADMIN", adminRole: input.adminRole },
  });
  return user;
}
