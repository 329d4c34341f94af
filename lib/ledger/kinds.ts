/**
 * Every kind of journal the ledger writes (from TypeScript and from the database functions), each shown to
 * people by its name in wallet.kinds.* (a test checks both catalogs).
 */
export const JOURNAL_KINDS = [
  "TOPUP",
  "WITHDRAWAL",
  "REVERSAL",
  "ESCROW_PAY",
  "ESCROW_RELEASE",
  "ESCROW_REFUND",
  "RESERVE_RELEASE",
  "DISPUTE_REFUND",
  "DISPUTE_CLAIM",
] as const;
export type JournalKind = (typeof JOURNAL_KINDS)[number];
