import { assertRole, type Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { withIdempotency } from "@/lib/ledger/idempotency";
import { formatFen, type Fen } from "@/lib/money/fen";
import { type Clock, systemClock } from "@/lib/time/clock";
import { addDays, platformDayOf } from "@/lib/time/platform-day";
import { lockOwnLoan } from "./access";
import { callRepay, catchUp, sweepsToFund } from "./repay-call";

/**
 * Early repayment, in full or in part, at any time: penalty → interest → principal (the principal pays the earliest
 * instalments first; interest is charged only on what is still outstanding, so a part repaid now lowers every later
 * period's interest). From the wallet, then the fund for merchants who keep idle money there (auto-sweep). The loan
 * is locked and its interest brought up to yesterday first, so "in full" is exactly what is owed now. More than is
 * owed is refused with the amount that would settle it; a wallet (and fund) that cannot cover the amount is refused
 * and nothing moves. Once per idempotency key.
 */
export async function repayLoan(tx: Tx, actor: Actor, input: { loanId: string; amountFen: Fen | "FULL"; idempotencyKey: string }, clock: Clock = systemClock) {
  assertRole(actor, ["MERCHANT"]);
  const request = { loanId: input.loanId, amount: input.amountFen === "FULL" ? "FULL" : input.amountFen };
  return withIdempotency(tx, { scope: `${actor.userId}:loan.repay`, key: input.idempotencyKey, request, clock }, async () => {
    const now = clock.now();
    const loan = await lockOwnLoan(tx, actor, input.loanId);
    if (loan.status === "REPAID") throw new DomainError("invalid_transition", { messageKey: "credit.errors.loan_repaid" });
    await catchUp(tx, loan.id, addDays(platformDayOf(now), -1));
    const current = await tx.loan.findUniqueOrThrow({ where: { id: loan.id } });
    const owed = current.penaltyDueFen + current.interestDueFen + current.principalOutstandingFen;
    const amount = input.amountFen === "FULL" ? owed : input.amountFen;
    if (amount <= 0n) throw new DomainError("invalid_amount", { messageKey: "validation.amount.positive", fieldErrors: { amount: "validation.amount.positive" } });
    if (amount > owed) {
      throw new DomainError("invalid_amount", { messageKey: "credit.errors.repay_too_much", params: { max: formatFen(owed) }, fieldErrors: { amount: "credit.errors.repay_too_much" } });
    }
    const repaid = await callRepay(tx, {
      loanId: loan.id,
      max: amount,
      mode: "ANY",
      useFund: await sweepsToFund(tx, actor.userId),
      source: "EARLY",
      key: `early:${input.idempotencyKey}`,
      actorId: actor.userId,
      now,
    });
    if (repaid.paid < amount) throw new DomainError("insufficient_funds");
    return { loanId: loan.id, amountFen: repaid.paid, principalFen: repaid.principal, interestFen: repaid.interest + repaid.penalty, status: repaid.status };
  });
}
