import { moneyCall } from "@/lib/db/money-call";
import type { Db, Tx } from "@/lib/db/transaction";
import { DomainError } from "@/lib/errors/domain-error";
import type { Fen } from "@/lib/money/fen";

export type JournalLine = { accountId: string; amount: Fen };

export type JournalInput = {
  /** What kind of movement this is (TOPUP, WITHDRAWAL, ESCROW_PAY, REVERSAL, ...). */
  kind: string;
  reference?: string | null;
  /** The escrow order the movement belongs to: the per-order business invariants are checked through it. */
  orderId?: string | null;
  /** The loan the movement belongs to: the per-loan invariants (lib/credit/invariants.ts) are checked through it. */
  loanId?: string | null;
  createdById?: string | null;
  /** Set only by reverseJournal. */
  reversesId?: bigint | null;
  lines: JournalLine[];
};

export type PostedJournal = {
  journalId: bigint;
  createdAt: Date;
  postings: { accountId: string; amount: Fen; balanceAfter: Fen }[];
};

function validate(input: JournalInput) {
  if (input.lines.length < 2) throw new Error("ledger: a journal needs at least two postings");
  const ids = new Set(input.lines.map((l) => l.accountId));
  if (ids.size !== input.lines.length) throw new Error("ledger: each account may appear once in a journal");
  if (input.lines.some((l) => typeof l.amount !== "bigint" || l.amount === 0n)) {
    throw new Error("ledger: posting amounts must be non-zero BigInt fen");
  }
  const sum = input.lines.reduce((s, l) => s + l.amount, 0n);
  if (sum !== 0n) throw new Error(`ledger: postings must sum to zero, got ${sum}`);
}

/**
 * Writes one journal, its postings and the balance changes inside the caller's transaction, through the
 * database's one journal writer, `ledger_post` (prisma/migrations/*_money_functions): it locks the accounts in
 * id order (so two journals touching the same accounts cannot deadlock) and refuses any overdraft of an account
 * that may not go negative, with `insufficient_funds`; then nothing of the journal is written.
 */
export async function postJournal(tx: Db, input: JournalInput): Promise<PostedJournal> {
  validate(input);
  const accountIds = input.lines.map((l) => l.accountId);
  const amounts = input.lines.map((l) => l.amount.toString());
  const rows = await moneyCall(
    tx,
    () => tx.$queryRaw<{ journal_id: bigint; created_at: Date; account_id: string; amount: bigint; balance_after: bigint }[]>`
      SELECT * FROM ledger_post(${input.kind}, ${input.reference ?? null}, ${input.orderId ?? null}, ${input.loanId ?? null}::text,
                                ${input.createdById ?? null}, ${input.reversesId ?? null}::bigint, ${accountIds}::text[], ${amounts}::bigint[])`,
  );
  return {
    journalId: rows[0].journal_id,
    createdAt: rows[0].created_at,
    postings: rows.map((r) => ({ accountId: r.account_id, amount: BigInt(r.amount), balanceAfter: BigInt(r.balance_after) })),
  };
}

/**
 * Corrections never edit a journal: they post its exact opposite, linked to it. A journal is reversed once.
 * The original journal's row is locked first, so of two reversals at once the second waits, then sees the
 * first one's reversal and is refused with `invalid_transition` (instead of tripping the unique index on
 * `reverses_id`, an unexpected error). A row lock is not an UPDATE: the append-only trigger does not fire.
 */
export async function reverseJournal(tx: Tx, journalId: bigint, createdById: string | null): Promise<PostedJournal> {
  await tx.$queryRaw`SELECT id FROM journals WHERE id = ${journalId} FOR NO KEY UPDATE`;
  const original = await tx.journal.findUnique({ where: { id: journalId }, include: { postings: true, reversedBy: true } });
  if (!original) throw new DomainError("not_found");
  if (original.reversedBy) throw new DomainError("invalid_transition", { detail: "journal already reversed" });
  return postJournal(tx, {
    kind: "REVERSAL",
    reference: `journal:${journalId}`,
    orderId: original.orderId,
    loanId: original.loanId,
    createdById,
    reversesId: journalId,
    lines: original.postings.map((p) => ({ accountId: p.accountId, amount: -p.amount })),
  });
}
