import { createHash } from "node:crypto";
import { moneyCall } from "@/lib/db/money-call";
import type { Db } from "@/lib/db/transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { DAY, type Clock, systemClock } from "@/lib/time/clock";

/** A client-made key: a UUID or similar, 8–100 characters of letters, digits, "-" and "_". */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{8,100}$/;
const KEEP_FOR_MS = DAY;

/** JSON that keeps BigInt (money) exact through the stored response. */
const replacer = (_: string, v: unknown) => (typeof v === "bigint" ? { $bigint: v.toString() } : v);
const reviver = (_: string, v: unknown) =>
  v && typeof v === "object" && "$bigint" in (v as object) ? BigInt((v as { $bigint: string }).$bigint) : v;

function hashRequest(request: unknown) {
  return createHash("sha256").update(JSON.stringify(request, replacer)).digest("hex");
}

export type IdempotentResult<T> = { result: T; replayed: boolean };
export type IdempotencyOptions = { scope: string; key: string; request: unknown; clock?: Clock };

/**
 * What the database's idem_begin needs (prisma/migrations/*_money_functions), for a money step that runs in one
 * statement: the scope, the key, the request's hash and the key's lifetime.
 */
export function idempotencyArgs(options: IdempotencyOptions) {
  if (!IDEMPOTENCY_KEY_PATTERN.test(options.key)) {
    throw new DomainError("validation", { messageKey: "errors.idempotency_key_invalid" });
  }
  const now = (options.clock ?? systemClock).now();
  return { scope: options.scope, key: options.key, hash: hashRequest(options.request), now, expires: new Date(now.getTime() + KEEP_FOR_MS) };
}

/** A stored response (JSON, BigInt as {$bigint}) back to its value. */
export const readStored = <T>(stored: unknown): T => JSON.parse(JSON.stringify(stored), reviver) as T;

/**
 * Runs `work` once per (scope, key), inside the caller's transaction. The key row is inserted first
 * (idem_begin): a concurrent request with the same key waits on it, then sees the committed first result and
 * moves no money. The same key with a different request is refused. If the first attempt fails, its
 * transaction (key included) rolls back, so a retry runs for real.
 */
export async function withIdempotency<T>(tx: Db, options: IdempotencyOptions, work: () => Promise<T>): Promise<IdempotentResult<T>> {
  // On the root client the key would commit apart from the work it guards.
  if ("$transaction" in tx) throw new Error("withIdempotency runs inside the caller's transaction");
  const a = idempotencyArgs(options);
  const [{ stored }] = await moneyCall(
    tx,
    () => tx.$queryRaw<{ stored: { response: unknown } | null }[]>`SELECT idem_begin(${a.scope}, ${a.key}, ${a.hash}, ${a.now}, ${a.expires}) AS stored`,
  );
  if (stored !== null) return { result: readStored<T>(stored.response), replayed: true };
  const result = await work();
  const response = JSON.stringify(result ?? null, replacer);
  await tx.$executeRaw`SELECT idem_finish(${a.scope}, ${a.key}, ${response}::jsonb)`;
  return { result, replayed: false };
}
