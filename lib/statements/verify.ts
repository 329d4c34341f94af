import { parse } from "csv-parse/sync";
import type { Tx } from "@/lib/db/transaction";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { ledgerLink } from "@/lib/ledger/hash-chain";
import { SUMMARY_KEYS } from "./csv";

type Db = PrismaClient | Tx;

/** "1234.50" (an amount as the statement writes it) in fen; null for anything else. */
function fenOf(text: string | undefined): bigint | null {
  const m = /^(-?)(\d+)\.(\d{2})$/.exec((text ?? "").trim());
  if (!m) return null;
  const fen = BigInt(m[2]) * 100n + BigInt(m[3]);
  return m[1] ? -fen : fen;
}

const cell = (value: string | undefined) => (value ?? "").replace(/^\t/, "").trim();

export type StatementCheck = { problems: string[]; accountId: string | null; rows: number; closingHash: string | null };

/**
 * Checks a statement CSV (lib/statements/csv.ts) on its own and against the ledger: the totals add up, every
 * running balance follows from the one before, the hash chain recomputed from the opening hash reaches the
 * printed closing hash, and every movement is the ledger's posting with that id, amount, balance and hash, with
 * none left out between the first and the last. Returns every problem found (none: the statement is true).
 */
export async function verifyStatementCsv(db: Db, text: string): Promise<StatementCheck> {
  const problems: string[] = [];
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false });
  } catch (error) {
    return { problems: [`not a CSV file: ${(error as Error).message}`], accountId: null, rows: 0, closingHash: null };
  }
  const blank = records.findIndex((r) => r.every((c) => c === ""));
  const head = new Map(records.slice(0, blank < 0 ? records.length : blank).map((r) => [r[0], r.slice(2)]));
  for (const key of SUMMARY_KEYS) if (!head.has(key)) problems.push(`the summary line "${key}" is missing`);
  if (problems.length > 0 || blank < 0) return { problems: problems.length ? problems : ["no movements header"], accountId: null, rows: 0, closingHash: null };

  const accountId = cell(head.get("accountId")![0]);
  const opening = fenOf(head.get("opening")![0]);
  const totalIn = fenOf(head.get("in")![0]);
  const totalOut = fenOf(head.get("out")![0]);
  const closing = fenOf(head.get("closing")![0]);
  const openingHash = cell(head.get("openingHash")![0]) || null;
  const closingHash = cell(head.get("closingHash")![0]) || null;
  if (opening === null || totalIn === null || totalOut === null || closing === null) return { problems: ["an amount in the summary cannot be read"], accountId, rows: 0, closingHash };

  const rows = records.slice(blank + 2).filter((r) => r.some((c) => c !== ""));
  let balance = opening;
  let hash = openingHash;
  let sumIn = 0n;
  let sumOut = 0n;
  const seen: { id: bigint; amount: bigint; balance: bigint; hash: string }[] = [];
  for (const [i, r] of rows.entries()) {
    const line = blank + 3 + i;
    const [postingId, journalId, , , inText, outText, balanceText] = r.map(cell);
    const amountIn = inText ? fenOf(inText) : 0n;
    const amountOut = outText ? fenOf(outText) : 0n;
    const after = fenOf(balanceText);
    if (!/^\d+$/.test(postingId) || !/^\d+$/.test(journalId) || amountIn === null || amountOut === null || after === null) {
      problems.push(`line ${line}: cannot be read`);
      continue;
    }
    const amount = amountIn - amountOut;
    balance += amount;
    sumIn += amountIn;
    sumOut += amountOut;
    if (after !== balance) problems.push(`line ${line}: balance ${balanceText}, but the movements give ${balance}`);
    hash = ledgerLink(hash, journalId, accountId, amount, after);
    seen.push({ id: BigInt(postingId), amount, balance: after, hash });
  }
  if (sumIn !== totalIn) problems.push(`money in: the rows add up to ${sumIn} fen, the statement says ${totalIn}`);
  if (sumOut !== totalOut) problems.push(`money out: the rows add up to ${sumOut} fen, the statement says ${totalOut}`);
  if (opening + totalIn - totalOut !== closing) problems.push(`opening + in − out is ${opening + totalIn - totalOut} fen, the closing balance ${closing}`);
  if (balance !== closing) problems.push(`the last running balance is ${balance} fen, the closing balance ${closing}`);
  if (hash !== closingHash) problems.push(`the chain recomputed from the opening hash ends at ${hash}, the statement prints ${closingHash}`);

  // Against the ledger: the same postings, the same hashes, none left out, and the same opening.
  if (seen.length > 0) {
    const first = seen[0].id;
    const last = seen[seen.length - 1].id;
    const stored = await db.$queryRaw<{ id: bigint; amount: bigint; balance_after: bigint; hash: string | null }[]>`
      SELECT id, amount, balance_after, hash FROM postings WHERE account_id = ${accountId} AND id BETWEEN ${first} AND ${last} ORDER BY id`;
    const byId = new Map(stored.map((p) => [p.id, p]));
    if (stored.length !== seen.length) problems.push(`the ledger has ${stored.length} postings on this account between ${first} and ${last}, the statement ${seen.length}`);
    for (const s of seen) {
      const p = byId.get(s.id);
      if (!p) problems.push(`posting ${s.id} is not on this account in the ledger`);
      else if (p.amount !== s.amount || p.balance_after !== s.balance) problems.push(`posting ${s.id}: the ledger has ${p.amount} fen and balance ${p.balance_after}`);
      else if (p.hash !== s.hash) problems.push(`posting ${s.id}: the ledger's hash is ${p.hash}, the chain gives ${s.hash}`);
    }
    const [before] = await db.$queryRaw<{ balance_after: bigint; hash: string | null }[]>`
      SELECT balance_after, hash FROM postings WHERE account_id = ${accountId} AND id < ${first} ORDER BY id DESC LIMIT 1`;
    if ((before?.balance_after ?? 0n) !== opening || (before?.hash ?? null) !== openingHash) problems.push(`the opening balance or hash is not the ledger's before posting ${first}`);
  }
  return { problems, accountId, rows: seen.length, closingHash };
}
