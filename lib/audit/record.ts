import type { Tx } from "@/lib/db/transaction";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditAction, AuditTarget } from "./actions";

export type AuditEntry = {
  actorId: string | null;
  action: AuditAction;
  targetType: AuditTarget;
  targetId: string;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
};

/** Written in the same transaction as the change it describes: no change without its record. */
export async function recordAudit(tx: Tx, entry: AuditEntry) {
  await tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      before: entry.before ?? undefined,
      after: entry.after ?? undefined,
    },
  });
}
