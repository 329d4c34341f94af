import type { AccountSpec } from "@/lib/ledger/accounts";

/** A loan's two accounts, owned by the merchant's user (the database's ledger_loan_account says the same). */
export const loanPrincipalSpec = (loanId: string, userId: string): AccountSpec => ({ code: `loan:${loanId}:PRINCIPAL:CNY`, type: "LOAN_PRINCIPAL", userId });
export const loanInterestSpec = (loanId: string, userId: string): AccountSpec => ({ code: `loan:${loanId}:INTEREST:CNY`, type: "LOAN_INTEREST", userId });
