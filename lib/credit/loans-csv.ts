import { assertRole, type Actor } from "@/lib/auth/actor";
import { amount, dateTime, identifier } from "@/lib/csv/cell-policy";
import { csvStream } from "@/lib/csv/stream";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { dpdBucket, type DpdBucket } from "./portfolio";

export const LOAN_CSV_COLUMNS = ["loan", "merchant", "product", "method", "principal", "outstanding", "interestDue", "penaltyDue", "interestPaid", "status", "dpd", "bucket", "disbursed", "repaid"] as const;
export type LoanCsvColumn = (typeof LOAN_CSV_COLUMNS)[number];
export type LoanCsvLabels = { heading: (c: LoanCsvColumn) => string; product: (p: string) => string; method: (m: string) => string; status: (s: string) => string; bucket: (b: DpdBucket) => string };

const PAGE = 1_000;

/** The whole loan book as CSV for administrators, streamed a page at a time by loan id (never all rows in memory). */
export function loansCsv(db: PrismaClient, actor: Actor, labels: LoanCsvLabels): ReadableStream<Uint8Array> {
  assertRole(actor, ["ADMIN"]);
  async function* rows() {
    let after = "";
    for (;;) {
      const page = await db.loan.findMany({ where: { id: { gt: after } }, orderBy: { id: "asc" }, take: PAGE });
      const merchants = await db.merchant.findMany({ where: { id: { in: page.map((l) => l.merchantId) } }, select: { id: true, displayName: true } });
      for (const l of page) {
        yield [
          identifier(l.id),
          merchants.find((m) => m.id === l.merchantId)?.displayName ?? "",
          labels.product(l.product),
          labels.method(l.method),
          amount(l.principalFen),
          amount(l.principalOutstandingFen),
          amount(l.interestDueFen),
          amount(l.penaltyDueFen),
          amount(l.interestPaidFen + l.penaltyPaidFen),
          labels.status(l.status),
          String(l.dpd),
          labels.bucket(dpdBucket(l.dpd)),
          dateTime(l.disbursedAt),
          dateTime(l.repaidAt),
        ];
      }
      if (page.length < PAGE) return;
      after = page[page.length - 1].id;
    }
  }
  return csvStream(LOAN_CSV_COLUMNS.map((c) => labels.heading(c)), rows());
}
