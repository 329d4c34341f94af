import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/transaction";

/**
 * Ends every session of the user at once, on every device: their tokens carry the old session version and
 * are refused from the next request on. Called on sign-out and merchant suspension; a database trigger does
 * the same whenever a user's role or password changes. Inside the caller's transaction, so it takes effect
 * exactly when the change that called for it commits.
 */
export async function revokeUserSessions(tx: Tx | PrismaClient, userId: string): Promise<void> {
  await tx.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
