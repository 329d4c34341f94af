import type { Invariant } from "@/lib/ledger/verify";

/**
 * Merchant credit's rules on top of double entry (docs/credit.md), checked by `npm run ledger:verify`. Each loan's
 * journals name it (journals.loan_id), except the nightly accrual, which covers every loan in one journal and is
 * checked through loan_accruals.
 */
export const CREDIT_INVARIANTS: Invariant[] = [
  {
    rule: "loan_principal_matches_ledger",
    describe: "each loan's principal outstanding is −(its principal account's balance), and disbursed = paid + outstanding",
    find: async (tx) =>
      (
        await tx.$queryRaw<{ id: string; outstanding: bigint; balance: bigint | null; principal: bigint; paid: bigint }[]>`
          SELECT l.id, l.principal_outstanding_fen AS outstanding, a.balance, l.principal_fen AS principal, l.principal_paid_fen AS paid
            FROM loans l LEFT JOIN ledger_accounts a ON a.code = 'loan:' || l.id || ':PRINCIPAL:CNY'
           WHERE a.balance IS NULL OR -a.balance <> l.principal_outstanding_fen OR l.principal_paid_fen + l.principal_outstanding_fen <> l.principal_fen`
      ).map((r) => `loan ${r.id}: principal outstanding ${r.outstanding} fen, its account ${r.balance ?? "missing"}, disbursed ${r.principal}, paid ${r.paid}`),
  },
  {
    rule: "loan_interest_matches_ledger",
    describe: "each loan's interest and penalty accrued and unpaid is −(its interest account's balance)",
    find: async (tx) =>
      (
        await tx.$queryRaw<{ id: string; due: bigint; balance: bigint | null }[]>`
          SELECT l.id, l.interest_due_fen + l.penalty_due_fen AS due, a.balance
            FROM loans l LEFT JOIN ledger_accounts a ON a.code = 'loan:' || l.id || ':INTEREST:CNY'
           WHERE COALESCE(-a.balance, 0) <> l.interest_due_fen + l.penalty_due_fen`
      ).map((r) => `loan ${r.id}: interest and penalty due ${r.due} fen, its account ${r.balance ?? "missing"}`),
  },
  {
    rule: "interest_income_matches_accruals",
    describe: "the interest income account equals every day's accrued interest and penalty, and each loan's totals equal its accrual rows",
    find: async (tx) => {
      const [r] = await tx.$queryRaw<{ income: bigint; accrued: bigint }[]>`
        SELECT (SELECT COALESCE(sum(balance), 0) FROM ledger_accounts WHERE type = 'INTEREST_INCOME')::bigint AS income,
               (SELECT COALESCE(sum(interest_fen + penalty_fen), 0) FROM loan_accruals)::bigint AS accrued`;
      const loans = await tx.$queryRaw<{ id: string; interest: bigint; penalty: bigint; rows_interest: bigint; rows_penalty: bigint }[]>`
        SELECT l.id, l.interest_accrued_fen AS interest, l.penalty_accrued_fen AS penalty,
               COALESCE(s.interest, 0)::bigint AS rows_interest, COALESCE(s.penalty, 0)::bigint AS rows_penalty
          FROM loans l LEFT JOIN (SELECT loan_id, sum(interest_fen) AS interest, sum(penalty_fen) AS penalty FROM loan_accruals GROUP BY loan_id) s ON s.loan_id = l.id
         WHERE l.interest_accrued_fen <> COALESCE(s.interest, 0) OR l.penalty_accrued_fen <> COALESCE(s.penalty, 0)`;
      return [
        ...(r.income === r.accrued ? [] : [`interest income ${r.income} fen, accruals ${r.accrued} fen`]),
        ...loans.map((l) => `loan ${l.id}: accrued ${l.interest}+${l.penalty} fen, its accrual rows ${l.rows_interest}+${l.rows_penalty} fen`),
      ];
    },
  },
  {
    rule: "loan_schedule_adds_up",
    describe: "each loan's instalments' principal adds up to the loan, and what they record as paid to the principal paid",
    find: async (tx) =>
      (
        await tx.$queryRaw<{ id: string; principal: bigint; scheduled: bigint; paid: bigint; paid_rows: bigint }[]>`
          SELECT l.id, l.principal_fen AS principal, COALESCE(sum(i.principal_fen), 0)::bigint AS scheduled,
                 l.principal_paid_fen AS paid, COALESCE(sum(i.principal_paid_fen), 0)::bigint AS paid_rows
            FROM loans l LEFT JOIN loan_instalments i ON i.loan_id = l.id
           GROUP BY l.id
          HAVING COALESCE(sum(i.principal_fen), 0) <> l.principal_fen OR COALESCE(sum(i.principal_paid_fen), 0) <> l.principal_paid_fen`
      ).map((r) => `loan ${r.id}: principal ${r.principal}, instalments ${r.scheduled}; paid ${r.paid}, instalments paid ${r.paid_rows}`),
  },
  {
    rule: "loan_repayments_match_ledger",
    describe: "no loan repaid more than owed: its repayments equal its paid totals and its LOAN_REPAYMENT journals, and its disbursement is one journal of its principal",
    find: async (tx) =>
      (
        await tx.$queryRaw<{ id: string; problem: string }[]>`
          WITH r AS (
            SELECT loan_id, sum(principal_fen) AS principal, sum(interest_fen) AS interest, sum(penalty_fen) AS penalty, sum(amount_fen) AS amount
              FROM loan_repayments GROUP BY loan_id
          ), j AS (
            SELECT j.loan_id,
                   sum(p.amount) FILTER (WHERE j.kind = 'LOAN_REPAYMENT' AND a.type = 'LOAN_PRINCIPAL') AS repaid_principal,
                   sum(p.amount) FILTER (WHERE j.kind = 'LOAN_REPAYMENT' AND a.type = 'LOAN_INTEREST') AS repaid_interest,
                   -sum(p.amount) FILTER (WHERE j.kind = 'LOAN_DISBURSE' AND a.type = 'LOAN_PRINCIPAL') AS disbursed,
                   count(DISTINCT j.id) FILTER (WHERE j.kind = 'LOAN_DISBURSE') AS disbursements
              FROM journals j JOIN postings p ON p.journal_id = j.id JOIN ledger_accounts a ON a.id = p.account_id
             WHERE j.loan_id IS NOT NULL GROUP BY j.loan_id
          )
          SELECT l.id, x.problem
            FROM loans l LEFT JOIN r ON r.loan_id = l.id LEFT JOIN j ON j.loan_id = l.id
            CROSS JOIN LATERAL (VALUES
              (CASE WHEN COALESCE(r.principal, 0) <> l.principal_paid_fen OR COALESCE(r.interest, 0) <> l.interest_paid_fen OR COALESCE(r.penalty, 0) <> l.penalty_paid_fen
                    THEN 'repayments ' || COALESCE(r.principal, 0) || '/' || COALESCE(r.interest, 0) || '/' || COALESCE(r.penalty, 0) || ', paid on the loan ' || l.principal_paid_fen || '/' || l.interest_paid_fen || '/' || l.penalty_paid_fen END),
              (CASE WHEN COALESCE(j.repaid_principal, 0) <> COALESCE(r.principal, 0) OR COALESCE(j.repaid_interest, 0) <> COALESCE(r.interest, 0) + COALESCE(r.penalty, 0)
                    THEN 'repayment journals ' || COALESCE(j.repaid_principal, 0) || '+' || COALESCE(j.repaid_interest, 0) || ', repayments ' || COALESCE(r.amount, 0) END),
              (CASE WHEN COALESCE(j.disbursed, 0) <> l.principal_fen OR COALESCE(j.disbursements, 0) <> 1
                    THEN 'disbursed ' || COALESCE(j.disbursed, 0) || ' in ' || COALESCE(j.disbursements, 0) || ' journals, principal ' || l.principal_fen END)
            ) AS x(problem)
           WHERE x.problem IS NOT NULL`
      ).map((r) => `loan ${r.id}: ${r.problem}`),
  },
];
