import { getAllSettings } from "@/lib/settings/settings";
import type { Grade } from "./scorecard";
import { dailyRateE8FromBps } from "./rates";

/** Every credit setting at once (lib/settings/registry.ts, group "credit"), typed for the credit code. */
export async function creditSettings() {
  const v = await getAllSettings();
  return {
    maxLimitFen: v["credit.maxLimitFen"],
    minLoanFen: BigInt(v["credit.minLoanFen"]),
    orderLoanShareBps: v["credit.orderLoanShareBps"],
    orderLoanRateE8: dailyRateE8FromBps(v["credit.orderLoanDailyRateBps"]),
    /** The daily rate of a credit loan by grade (E has no offer; its rate is D's). */
    rateE8ByGrade: (grade: Grade) => dailyRateE8FromBps(v[`credit.dailyRateBps.${grade === "E" ? "D" : grade}`]),
    penaltyRateE8: dailyRateE8FromBps(v["credit.penaltyDailyRateBps"]),
    reviewAmountFen: BigInt(v["credit.reviewAmountFen"]),
    reviewScoreMin: v["credit.reviewScoreMin"],
    reviewScoreMax: v["credit.reviewScoreMax"],
    makerCheckerAmountFen: BigInt(v["credit.makerCheckerAmountFen"]),
    approvalValidDays: v["credit.approvalValidDays"],
    orderLoanFallbackDays: v["credit.orderLoanFallbackDays"],
    overdueReleaseShareBps: v["credit.overdueReleaseShareBps"],
    nplDays: v["credit.nplDays"],
    monitor: {
      disputeRateBps: v["credit.monitor.disputeRateBps"],
      salesDropBps: v["credit.monitor.salesDropBps"],
      drainShareBps: v["credit.monitor.drainShareBps"],
      drainDays: v["credit.monitor.drainDays"],
      raisedReleaseShareBps: v["credit.monitor.raisedReleaseShareBps"],
      callDueSignals: v["credit.monitor.callDueSignals"],
    },
    restore: {
      cleanDays: v["credit.restore.cleanDays"],
      orders: v["credit.restore.orders"],
      maxDisputeRateBps: v["credit.restore.maxDisputeRateBps"],
      onTimeRepayments: v["credit.restore.onTimeRepayments"],
      fullCleanDays: v["credit.restore.fullCleanDays"],
    },
  };
}
export type CreditSettings = Awaited<ReturnType<typeof creditSettings>>;
