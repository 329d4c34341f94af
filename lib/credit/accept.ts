import { assertRole, type Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/transaction";
import { DomainError } from "@/lib/errors/domain-error";
import type { LoanApplication } from "@/lib/generated/prisma/client";
import { withIdempotency } from "@/lib/ledger/idempotency";
import { userBalance } from "@/lib/ledger/accounts";
import { type Clock, systemClock } from "@/lib/time/clock";
import { disburseLoan } from "./disburse";
import { creditDebt, lockCreditLine } from "./lock";
import { availableCredit } from "./offer";
import { quoteOrderLoan } from "./order-loan";
import { creditSettings } from "./settings";
import { applicationStates } from "./states";

const noLonger = (messageKey = "credit.errors.no_longer_available") => new DomainError("invalid_transition", { messageKey });

/**
 * The merchant accepts an approved application's contract: the loan is disbursed to its wallet in the same
 * transaction (lib/credit/disburse.ts). What could have changed since the decision is checked again under the
 * locks — the order row (order loans: still shipped, undisputed, no loan on it), the credit line (not frozen; the
 * amount still within what is available), the merchant still approved, nothing overdue, no receivable owed. Lock
 * order: application → order → credit line → accounts. Once per idempotency key; an application is
 * accepted once (its guarded status).
 */
export async function acceptApplication(tx: Tx, actor: Actor, input: { applicationId: string; idempotencyKey: string }, clock: Clock = systemClock) {
  assertRole(actor, ["MERCHANT"]);
  return withIdempotency(tx, { scope: `${actor.userId}:credit.accept`, key: input.idempotencyKey, request: { applicationId: input.applicationId }, clock }, async () => {
    const [application] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM loan_applications WHERE id = ${input.applicationId} AND user_id = ${actor.userId} FOR UPDATE`;
    if (!application) throw new DomainError("not_found");
    const app = (await tx.loanApplication.findUniqueOrThrow({ where: { id: application.id } })) as LoanApplication;
    if (!applicationStates.can(app.status, "ACCEPTED")) throw noLonger("credit.errors.application_changed");
    const now = clock.now();
    if (app.expiresAt && app.expiresAt <= now) throw noLonger("credit.errors.approval_expired");
    const settings = await creditSettings();
    if (app.product === "ORDER") {
      const quote = await quoteOrderLoan(tx, actor, app.orderId!, settings.orderLoanShareBps, true);
      if (app.amountFen > quote.maxFen) throw noLonger();
    }
    const line = await lockCreditLine(tx, app.merchantId, actor.userId);
    const merchant = await tx.merchant.findUniqueOrThrow({ where: { id: app.merchantId }, select: { status: true } });
    if (merchant.status !== "APPROVED" || line.frozen) throw noLonger();
    const overdue = await tx.loan.count({ where: { merchantId: app.merchantId, status: "OVERDUE" } });
    // Read, not locked: a release locks the receivable before the credit line, so taking it here would invert the order.
    if (overdue > 0 || (await userBalance(tx, actor.userId, "RECEIVABLE")) < 0n) throw noLonger();
    if (app.product === "CREDIT") {
      const available = availableCredit(line.limit_fen, line.restoration_since !== null, line.restoration_steps, await creditDebt(tx, app.merchantId));
      if (app.amountFen > available) throw noLonger();
    }
    const moved = await tx.loanApplication.updateMany({ where: { id: app.id, status: "APPROVED" }, data: { status: "ACCEPTED", acceptedAt: now } });
    if (moved.count !== 1) throw noLonger("credit.errors.application_changed");
    const { loan, balanceFen } = await disburseLoan(tx, app, settings.penaltyRateE8, now);
    if (app.product === "CREDIT") {
      await tx.$executeRaw`UPDATE credit_lines SET available_fen = GREATEST(available_fen - ${app.amountFen}, 0), updated_at = ${now} WHERE merchant_id = ${app.merchantId}`;
    }
    return { loanId: loan.id, amountFen: app.amountFen, balanceFen };
  });
}
