import { moneyCall } from "@/lib/db/money-call";
import type { Db } from "@/lib/db/transaction";

export type Repaid = { paid: bigint; penalty: bigint; interest: bigint; principal: bigint; fromWallet: bigint; fromFund: bigint; status: string | null; replayed: boolean };

/**
 * One call of the database's credit_repay (prisma/migrations/*_credit_functions): penalty → interest → principal,
 * from the wallet and then, when `useFund`, the fund; the loan's missing days accrued first; one journal; status
 * and days past due refreshed. Inside the caller's transaction.
 */
export async function callRepay(
  db: Db,
  args: { loanId: string; max: bigint | null; mode: "DUE" | "ANY"; useFund: boolean; source: "AUTO" | "EARLY" | "RELEASE" | "SHARE"; key: string; orderId?: string | null; actorId: string | null; now: Date },
): Promise<Repaid> {
  const [row] = await moneyCall(
    db,
    () => db.$queryRaw<{ r: Record<string, string | boolean | undefined> }[]>`
      SELECT credit_repay(${args.loanId}, ${args.max}::bigint, ${args.mode}, ${args.useFund}, ${args.source}, ${args.key},
                          ${args.orderId ?? null}, ${args.actorId}, ${args.now}) AS r`,
  );
  const r = row.r;
  const fen = (v: unknown) => BigInt((v as string | undefined) ?? "0");
  return {
    paid: fen(r.paid),
    penalty: fen(r.penalty),
    interest: fen(r.interest),
    principal: fen(r.principal),
    fromWallet: fen(r.fromWallet),
    fromFund: fen(r.fromFund),
    status: (r.status as string | undefined) ?? null,
    replayed: r.replayed === true,
  };
}

/** Whether the merchant keeps idle money in the fund (auto-sweep on): then repayments reach into it after the wallet. */
export async function sweepsToFund(db: Db, userId: string): Promise<boolean> {
  const holder = await db.fundHolder.findUnique({ where: { userId }, select: { sweepEnabled: true } });
  return holder?.sweepEnabled ?? false;
}

/** Brings a loan's interest up to yesterday (credit_catch_up); the caller holds its row lock. */
export async function catchUp(db: Db, loanId: string, through: string) {
  await db.$queryRaw`SELECT credit_catch_up(${loanId}, ${through}::date)`;
}
