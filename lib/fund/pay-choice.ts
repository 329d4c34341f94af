import { assertRole, type Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/transaction";
import type { PaySource } from "@/lib/escrow/pay";
import { userAccountCode } from "@/lib/ledger/accounts";
import type { Fen } from "@/lib/money/fen";

export type PayChoice = {
  walletFen: Fen;
  fundFen: Fen;
  sweepEnabled: boolean;
  /** Which sources cover the order right now (the payment itself decides again, under the accounts' locks). */
  covers: Record<PaySource, boolean>;
  /** What the pay page offers first; null when even the wallet and the fund together fall short. */
  preferred: PaySource | null;
  /** How AUTO would split the order now (escrow_pay's rule: the wallet first, the fund the rest). */
  autoSplit: { fromWalletFen: Fen; fromFundFen: Fen };
};

/**
 * The pay page's default: with auto-sweep on, AUTO (the holder asked for idle money to work and payments to
 * draw on the fund); otherwise the wallet when it covers the order, else the wallet with the fund covering the
 * rest when together they do.
 */
export function choosePaySource(totalFen: Fen, walletFen: Fen, fundFen: Fen, sweepEnabled: boolean): Pick<PayChoice, "covers" | "preferred"> {
  const covers = { WALLET: walletFen >= totalFen, FUND: fundFen >= totalFen, AUTO: walletFen + fundFen >= totalFen };
  const preferred: PaySource | null = sweepEnabled && covers.AUTO ? "AUTO" : covers.WALLET ? "WALLET" : covers.AUTO ? "AUTO" : null;
  return { covers, preferred };
}

/** The buyer's own wallet and fund balances and sweep setting, and the source the pay page offers first. */
export async function payChoice(db: Db, actor: Actor, totalFen: Fen): Promise<PayChoice> {
  assertRole(actor, ["BUYER"]);
  const [accounts, holder] = await Promise.all([
    db.ledgerAccount.findMany({ where: { code: { in: [userAccountCode(actor.userId, "WALLET"), userAccountCode(actor.userId, "FUND")] } }, select: { code: true, balance: true } }),
    db.fundHolder.findUnique({ where: { userId: actor.userId }, select: { sweepEnabled: true } }),
  ]);
  const balance = (type: "WALLET" | "FUND") => accounts.find((a) => a.code === userAccountCode(actor.userId, type))?.balance ?? 0n;
  const walletFen = balance("WALLET");
  const fundFen = balance("FUND");
  const sweepEnabled = holder?.sweepEnabled ?? false;
  const fromWalletFen = walletFen < 0n ? 0n : walletFen < totalFen ? walletFen : totalFen;
  return {
    walletFen,
    fundFen,
    sweepEnabled,
    ...choosePaySource(totalFen, walletFen, fundFen, sweepEnabled),
    autoSplit: { fromWalletFen, fromFundFen: totalFen - fromWalletFen },
  };
}
