import { assertRole, type Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { getOwnMerchantOrThrow } from "@/lib/merchants/get-own-merchant";
import { platformDayOf } from "@/lib/time/platform-day";
import { getLoanForMerchantOrThrow } from "./access";
import { annualisedRateBps } from "./apr";
import { type CreditMethod, buildSchedule } from "./schedule";
import { eligibleOrders } from "./order-loan";
import { restorationProgress } from "./restoration";
import { rescore, type CreditInputs, type ScoreResult } from "./scorecard";
import { creditSettings } from "./settings";

/**
 * What the merchant's credit home shows: the credit line the nightly job (or the last application) left — limit,
 * available, score and grade, why not more — the latest assessment's reasons recomputed from its stored inputs (so
 * the page explains exactly the stored decision), the loans, applications waiting for the merchant or an
 * administrator, orders an order loan could be taken against, and the restoration path when on it.
 */
export async function merchantCredit(db: Db, actor: Actor, now: Date) {
  assertRole(actor, ["MERCHANT"]);
  const merchant = await getOwnMerchantOrThrow(db, actor);
  const settings = await creditSettings();
  const [line, assessment, loans, applications, orders, restoration] = await Promise.all([
    db.creditLine.findUnique({ where: { merchantId: merchant.id } }),
    db.creditAssessment.findFirst({ where: { merchantId: merchant.id }, orderBy: { id: "desc" } }),
    db.loan.findMany({ where: { merchantId: merchant.id }, orderBy: { createdAt: "desc" }, take: 50 }),
    db.loanApplication.findMany({ where: { merchantId: merchant.id, status: { in: ["APPROVED", "REVIEW"] } }, orderBy: { createdAt: "desc" }, take: 10 }),
    merchant.status === "APPROVED" ? eligibleOrders(db, actor, settings.orderLoanShareBps, 10) : Promise.resolve([]),
    restorationProgress(db, now, settings, merchant.id),
  ]);
  const scored: ScoreResult | null = assessment ? rescore(assessment.scorecardVersion, assessment.inputs as unknown as CreditInputs) : null;
  return {
    merchantStatus: merchant.status,
    line,
    assessment: assessment && scored ? { id: assessment.id, asOf: assessment.asOf, score: assessment.score, grade: assessment.grade, limitFen: assessment.limitFen, reasons: scored.reasons } : null,
    loans,
    applications: applications.filter((a) => a.status === "REVIEW" || !a.expiresAt || a.expiresAt > now),
    orders,
    restoration: restoration[0] ?? null,
    rates: { orderLoan: settings.orderLoanRateE8, orderLoanShareBps: settings.orderLoanShareBps },
    minLoanFen: settings.minLoanFen,
  };
}

/** What the apply page needs: the rate the merchant would get now and what may be borrowed. */
export async function applyContext(db: Db, actor: Actor, now: Date) {
  const home = await merchantCredit(db, actor, now);
  const grade = (home.line?.grade ?? "D") as "A" | "B" | "C" | "D" | "E";
  const settings = await creditSettings();
  return { ...home, creditRateE8: settings.rateE8ByGrade(grade), today: platformDayOf(now) };
}

/** A credit loan's schedule before applying, with its total cost and annualised rate (the same code as the loan's). */
export function schedulePreview(input: { principalFen: bigint; dailyRateE8: bigint; method: CreditMethod; termMonths: number; startDay: string }) {
  const schedule = buildSchedule(input);
  return { schedule, aprBps: annualisedRateBps(schedule, input.startDay) };
}

/** One of the merchant's own loans with its schedule, repayments and what is owed now. */
export async function merchantLoan(db: Db, actor: Actor, loanId: string) {
  const loan = await getLoanForMerchantOrThrow(db, actor, loanId);
  return loanWithHistory(db, loan.id);
}

/** A loan for an administrator (any merchant's): the same view, and the merchant it belongs to. */
export async function adminLoan(db: Db, actor: Actor, loanId: string) {
  assertRole(actor, ["ADMIN"]);
  const found = await db.loan.findUnique({ where: { id: loanId }, select: { id: true } });
  if (!found) throw new DomainError("not_found");
  return loanWithHistory(db, found.id);
}

async function loanWithHistory(db: Db, loanId: string) {
  const [loan, instalments, repayments] = await Promise.all([
    db.loan.findUniqueOrThrow({ where: { id: loanId }, include: { application: true } }),
    db.loanInstalment.findMany({ where: { loanId }, orderBy: { seq: "asc" } }),
    db.loanRepayment.findMany({ where: { loanId }, orderBy: { id: "desc" }, take: 100 }),
  ]);
  const merchant = await db.merchant.findUniqueOrThrow({ where: { id: loan.merchantId }, select: { id: true, displayName: true } });
  const owedFen = loan.principalOutstandingFen + loan.interestDueFen + loan.penaltyDueFen;
  const next = instalments.find((i) => !i.settledAt && i.dueDay);
  return { loan, instalments, repayments, owedFen, nextDue: next ? { day: next.dueDay!.toISOString().slice(0, 10), principalFen: next.principalFen - next.principalPaidFen, interestFen: next.interestFen } : null, merchant };
}

/** The administrators' review queue: applications waiting for a decision, oldest first, with their merchant and score. */
export async function reviewQueue(db: Db, actor: Actor) {
  assertRole(actor, ["ADMIN"]);
  const rows = await db.loanApplication.findMany({ where: { status: "REVIEW" }, orderBy: { createdAt: "asc" }, take: 100 });
  const merchants = await db.merchant.findMany({ where: { id: { in: rows.map((r) => r.merchantId) } }, select: { id: true, displayName: true } });
  const assessments = await db.creditAssessment.findMany({ where: { id: { in: rows.map((r) => r.assessmentId) } }, select: { id: true, score: true, grade: true } });
  return rows.map((r) => ({ ...r, merchant: merchants.find((m) => m.id === r.merchantId)!, assessment: assessments.find((a) => a.id === r.assessmentId)! }));
}

/** One application for review: the scorecard's features and the exact inputs it read, and the merchant's loan history. */
export async function applicationForReview(db: Db, actor: Actor, applicationId: string) {
  assertRole(actor, ["ADMIN"]);
  const application = await db.loanApplication.findUnique({ where: { id: applicationId } });
  if (!application) throw new DomainError("not_found");
  const assessment = await db.creditAssessment.findUniqueOrThrow({ where: { id: application.assessmentId } });
  const inputs = assessment.inputs as unknown as CreditInputs;
  const [merchant, loans] = await Promise.all([
    db.merchant.findUniqueOrThrow({ where: { id: application.merchantId }, select: { id: true, displayName: true, status: true, riskLevel: true } }),
    db.loan.findMany({ where: { merchantId: application.merchantId }, orderBy: { createdAt: "desc" }, take: 20 }),
  ]);
  const proposer = application.proposedById ? await db.user.findUnique({ where: { id: application.proposedById }, select: { email: true } }) : null;
  return { application, assessment, scored: rescore(assessment.scorecardVersion, inputs), inputs, merchant, loans, proposer };
}
