import type { Tx } from "@/lib/db/transaction";

/**
 * The merchant's credit line, created if missing and locked for the rest of the transaction: draws against the limit
 * (applications, acceptances) go one at a time per merchant. Locked after any order and loan rows, before accounts.
 */
export async function lockCreditLine(tx: Tx, merchantId: string, userId: string) {
  await tx.$executeRaw`INSERT INTO credit_lines (merchant_id, user_id, updated_at) VALUES (${merchantId}, ${userId}, now()) ON CONFLICT (merchant_id) DO NOTHING`;
  const [line] = await tx.$queryRaw<{ limit_fen: bigint; frozen: boolean; restoration_since: Date | null; restoration_steps: number }[]>`
    SELECT limit_fen, frozen, restoration_since, restoration_steps FROM credit_lines WHERE merchant_id = ${merchantId} FOR UPDATE`;
  return line;
}

/** Principal outstanding on the merchant's credit loans (order loans do not draw on the limit). */
export async function creditDebt(tx: Tx, merchantId: string): Promise<bigint> {
  const [row] = await tx.$queryRaw<{ debt: bigint }[]>`
    SELECT COALESCE(sum(principal_outstanding_fen), 0)::bigint AS debt FROM loans WHERE merchant_id = ${merchantId} AND product = 'CREDIT' AND status <> 'REPAID'`;
  return row.debt;
}
