import type { Tx } from "@/lib/db/transaction";
import type { LoanApplication } from "@/lib/generated/prisma/client";
import { accountIds, walletSpec } from "@/lib/ledger/accounts";
import { postJournal } from "@/lib/ledger/post";
import { notify } from "@/lib/notifications/notify";
import { addDays, dateColumn, platformDayOf } from "@/lib/time/platform-day";
import { loanInterestSpec, loanPrincipalSpec } from "./accounts";
import { buildSchedule, type CreditMethod } from "./schedule";

/**
 * Creates the loan from an accepted application and pays it out, in the caller's transaction: the loan row and its
 * schedule, its two accounts, and one journal (LOAN_DISBURSE: the loan's principal account −P, the merchant's wallet
 * +P), so the principal outstanding is the ledger's balance from the first moment. Interest counts from today: the
 * loan has accrued up to yesterday. An order loan's one instalment has no due day: it is repaid at its order's
 * release, or falls due credit.orderLoanFallbackDays after the order is refunded or disputed.
 */
export async function disburseLoan(tx: Tx, application: LoanApplication, penaltyRateE8: bigint, now: Date) {
  const today = platformDayOf(now);
  const instalments =
    application.product === "CREDIT"
      ? buildSchedule({
          principalFen: application.amountFen,
          dailyRateE8: application.dailyRateE8,
          method: application.method as CreditMethod,
          termMonths: application.termMonths,
          startDay: today,
        }).instalments.map((i) => ({ seq: i.seq, dueDay: dateColumn(i.dueDay), principalFen: i.principalFen, interestFen: i.interestFen }))
      : [{ seq: 1, dueDay: null, principalFen: application.amountFen, interestFen: 0n }];
  const loan = await tx.loan.create({
    data: {
      merchantId: application.merchantId,
      userId: application.userId,
      applicationId: application.id,
      product: application.product,
      method: application.method,
      orderId: application.orderId,
      principalFen: application.amountFen,
      termMonths: application.termMonths,
      dailyRateE8: application.dailyRateE8,
      penaltyRateE8,
      disbursedAt: now,
      disbursedDay: dateColumn(today),
      accruedThrough: dateColumn(addDays(today, -1)),
      principalOutstandingFen: application.amountFen,
      createdAt: now,
      updatedAt: now,
    },
  });
  await tx.loanInstalment.createMany({ data: instalments.map((i) => ({ ...i, loanId: loan.id })) });
  const principal = loanPrincipalSpec(loan.id, application.userId);
  const wallet = walletSpec(application.userId);
  const ids = await accountIds(tx, [principal, loanInterestSpec(loan.id, application.userId), wallet]);
  const posted = await postJournal(tx, {
    kind: "LOAN_DISBURSE",
    reference: `loan:${loan.id}`,
    loanId: loan.id,
    createdById: application.userId,
    lines: [
      { accountId: ids.get(principal.code)!, amount: -application.amountFen },
      { accountId: ids.get(wallet.code)!, amount: application.amountFen },
    ],
  });
  await notify(tx, application.userId, "credit.disbursed", { amountFen: application.amountFen.toString(), loanId: loan.id });
  return { loan, journalId: posted.journalId, balanceFen: posted.postings[1].balanceAfter };
}
