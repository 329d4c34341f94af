import { DomainError } from "@/lib/errors/domain-error";
import type { AdminRole, Role } from "@/lib/generated/prisma/enums";
import { can, type Permission } from "./permissions";

/** Who is acting: always taken from the session, never from a form. An administrator carries its sub-role. */
export type Actor = { userId: string; role: Role; adminRole?: AdminRole | null };

/** Domain functions check the role again, so a page or action that forgot cannot open a door. */
export function assertRole(actor: Actor | null | undefined, allowed: readonly Role[]): asserts actor is Actor {
  if (!actor) throw new DomainError("unauthenticated");
  if (!allowed.includes(actor.role)) throw new DomainError("forbidden");
}

/** The same for one permission, sub-roles included: an administrator's function checks what it may do. */
export function assertPermission(actor: Actor | null | undefined, permission: Permission): asserts actor is Actor {
  if (!actor) throw new DomainError("unauthenticated");
  if (!can(actor, permission)) throw new DomainError("forbidden");
}
