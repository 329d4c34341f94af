import { assertRole, type Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { withIdempotency } from "@/lib/ledger/idempotency";
import { getOwnMerchantOrThrow } from "@/lib/merchants/get-own-merchant";
import { formatFen, type Fen } from "@/lib/money/fen";
import { type Clock, DAY, systemClock } from "@/lib/time/clock";
import { assessMerchant } from "./assess";
import { lockCreditLine } from "./lock";
import { quoteOrderLoan } from "./order-loan";
import type { CreditMethod, CreditTerm } from "./schedule";
import { creditSettings } from "./settings";

export type LoanAsk =
  | { product: "CREDIT"; amountFen: Fen; termMonths: CreditTerm; method: CreditMethod }
  | { product: "ORDER"; amountFen: Fen; orderId: string };

export type Decision = { applicationId: string; status: "APPROVED" | "DECLINED" | "REVIEW"; reasons: string[]; score: number; grade: string };

const amountError = (messageKey: string, params: Record<string, string> = {}) =>
  new DomainError("invalid_amount", { messageKey, params, fieldErrors: { amount: messageKey } });

/**
 * A merchant applies for a loan and gets the decision at once, from its own trading data: the scorecard on inputs
 * read now (stored with the application, so the decision can be recomputed), then
 *   - DECLINED with the reasons when a knock-out applies (suspended, receivable owed, a loan overdue, draws frozen,
 *     grade E, no limit — the last only for credit loans), followed by the factors that lowered the score;
 *   - REVIEW (an administrator decides) when the amount reaches credit.reviewAmountFen or the score falls in the
 *     settings' review band;
 *   - APPROVED otherwise, at the grade's daily rate (order loans: credit.orderLoanDailyRateBps), to be accepted within
 *     credit.approvalValidDays.
 * An amount the merchant cannot have anyway (below the minimum, above what is available or above the order's share)
 * is a field error and writes nothing. The credit line is locked first, so decisions of one merchant go one at a time.
 */
export async function applyForLoan(tx: Tx, actor: Actor, ask: LoanAsk & { idempotencyKey: string }, clock: Clock = systemClock) {
  assertRole(actor, ["MERCHANT"]);
  const request = ask.product === "CREDIT" ? { p: ask.product, a: ask.amountFen, t: ask.termMonths, m: ask.method } : { p: ask.product, a: ask.amountFen, o: ask.orderId };
  return withIdempotency(tx, { scope: `${actor.userId}:credit.apply`, key: ask.idempotencyKey, request, clock }, async (): Promise<Decision> => {
    const merchant = await getOwnMerchantOrThrow(tx, actor);
    if (merchant.status !== "APPROVED" && merchant.status !== "SUSPENDED") throw new DomainError("merchant_not_approved");
    const settings = await creditSettings();
    const now = clock.now();
    if (ask.amountFen < settings.minLoanFen) throw amountError("credit.errors.amount_min", { min: formatFen(settings.minLoanFen) });
    const quote = ask.product === "ORDER" ? await quoteOrderLoan(tx, actor, ask.orderId, settings.orderLoanShareBps) : null;
    if (quote && ask.amountFen > quote.maxFen) throw amountError("credit.errors.amount_max", { max: formatFen(quote.maxFen) });
    await lockCreditLine(tx, merchant.id, actor.userId);
    const assessment = await assessMerchant(tx, merchant.id, now, "APPLICATION", settings);
    if (!assessment) throw new DomainError("merchant_not_approved");
    const { result } = assessment;
    const knockout = ask.product === "ORDER" && assessment.blocked === "NO_LIMIT" ? null : assessment.blocked;
    if (!knockout && ask.product === "CREDIT" && ask.amountFen > assessment.availableFen) {
      throw amountError("credit.errors.amount_over_available", { max: formatFen(assessment.availableFen) });
    }
    let status: Decision["status"];
    let reasons: string[];
    if (knockout) {
      status = "DECLINED";
      reasons = [knockout, ...result.reasons.map((r) => r.code)];
    } else if (ask.amountFen >= settings.reviewAmountFen || (result.score >= settings.reviewScoreMin && result.score <= settings.reviewScoreMax)) {
      status = "REVIEW";
      reasons = [ask.amountFen >= settings.reviewAmountFen ? "AMOUNT" : "SCORE_BAND"];
    } else {
      status = "APPROVED";
      reasons = [];
    }
    const application = await tx.loanApplication.create({
      data: {
        merchantId: merchant.id,
        userId: actor.userId,
        product: ask.product,
        method: ask.product === "CREDIT" ? ask.method : "BULLET",
        amountFen: ask.amountFen,
        termMonths: ask.product === "CREDIT" ? ask.termMonths : 0,
        orderId: ask.product === "ORDER" ? ask.orderId : null,
        dailyRateE8: ask.product === "CREDIT" ? settings.rateE8ByGrade(result.grade) : settings.orderLoanRateE8,
        status,
        assessmentId: assessment.id,
        reasons,
        decidedAt: status === "REVIEW" ? null : now,
        expiresAt: status === "APPROVED" ? new Date(now.getTime() + settings.approvalValidDays * DAY) : null,
        createdAt: now,
      },
    });
    return { applicationId: application.id, status, reasons, score: result.score, grade: result.grade };
  });
}
