import { DomainError } from "@/lib/errors/domain-error";
import type { Role } from "@/lib/generated/prisma/enums";

/** Who is acting: always taken from the session, never from a form. */
export type Actor = { userId: string; role: Role };

/** Domain functions check the role again, so a page or action that forgot cannot open a door. */
export function assertRole(actor: Actor | null | undefined, allowed: readonly Role[]): asserts actor is Actor {
  if (!actor) throw new DomainError("unauthenticated");
  if (!allowed.includes(actor.role)) throw new DomainError("forbidden");
}
