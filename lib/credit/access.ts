import { assertRole, type Actor } from "@/lib/auth/actor";
import type { Db, Tx } from "@/lib/db/transaction";
import { DomainError } from "@/lib/errors/domain-error";

/** The merchant's own loan, or not_found: another merchant's loan looks exactly like a missing one. */
export async function getLoanForMerchantOrThrow(db: Db, actor: Actor, loanId: string) {
  assertRole(actor, ["MERCHANT"]);
  const loan = await db.loan.findFirst({ where: { id: loanId, userId: actor.userId } });
  if (!loan) throw new DomainError("not_found");
  return loan;
}

/** The same, locked for the rest of the transaction. */
export async function lockOwnLoan(tx: Tx, actor: Actor, loanId: string) {
  assertRole(actor, ["MERCHANT"]);
  const [row] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM loans WHERE id = ${loanId} AND user_id = ${actor.userId} FOR UPDATE`;
  if (!row) throw new DomainError("not_found");
  return tx.loan.findUniqueOrThrow({ where: { id: row.id } });
}

/** The merchant's own application, or not_found. */
export async function getApplicationForMerchantOrThrow(db: Db, actor: Actor, applicationId: string) {
  assertRole(actor, ["MERCHANT"]);
  const application = await db.loanApplication.findFirst({ where: { id: applicationId, userId: actor.userId } });
  if (!application) throw new DomainError("not_found");
  return application;
}
