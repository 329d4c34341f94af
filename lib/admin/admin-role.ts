import { z } from "zod";
import { assertPermission, type Actor } from "@/lib/auth/actor";
import { ADMIN_ROLES } from "@/lib/auth/admin-roles";
import { recordAudit } from "@/lib/audit/record";
import type { Tx } from "@/lib/db/transaction";
import { DomainError } from "@/lib/errors/domain-error";

export const adminRoleSchema = z.object({
  userId: z.string().regex(/^[a-z0-9]{1,40}$/),
  adminRole: z.enum(ADMIN_ROLES, { error: "validation.adminRole.required" }),
});

/**
 * A super admin gives another administrator a new sub-role. Audited (before → after); the database trigger
 * ends the administrator's sessions, so the new permissions apply from their next sign-in. Nobody changes
 * their own sub-role (a super admin cannot lock themselves out by mistake), and the last super admin stays one.
 */
export async function setAdminRole(tx: Tx, actor: Actor, raw: z.input<typeof adminRoleSchema>) {
  assertPermission(actor, "admin.manage_roles");
  const input = adminRoleSchema.parse(raw);
  if (input.userId === actor.userId) throw new DomainError("forbidden", { messageKey: "errors.admin_role_self" });
  // Lock every super admin row first, so two demotions at once cannot both pass the "last one" check.
  await tx.$queryRaw`SELECT id FROM users WHERE admin_role = 'SUPER_ADMIN' ORDER BY id FOR UPDATE`;
  const [target] = await tx.$queryRaw<{ id: string; email: string; admin_role: string | null }[]>`
    SELECT id, email, admin_role::text FROM users WHERE id = ${input.userId} AND role = 'ADMIN' FOR UPDATE`;
  if (!target) throw new DomainError("not_found");
  if (target.admin_role === input.adminRole) return { email: target.email, adminRole: input.adminRole, changed: false };
  if (target.admin_role === "SUPER_ADMIN") {
    const supers = await tx.user.count({ where: { adminRole: "SUPER_ADMIN" } });
    if (supers <= 1) throw new DomainError("invalid_transition", { messageKey: "errors.last_super_admin" });
  }
  await tx.user.update({ where: { id: target.id }, data: { adminRole: input.adminRole } });
  await recordAudit(tx, {
    actorId: actor.userId,
    action: "admin.role_change",
    targetType: "user",
    targetId: target.id,
    before: { adminRole: target.admin_role },
    after: { adminRole: input.adminRole },
  });
  return { email: target.email, adminRole: input.adminRole, changed: true };
}
