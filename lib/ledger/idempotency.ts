import { createHash } from "node:crypto";
import type { Tx } from "@/lib/db/transaction";
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

/**
 * Runs `work` once per (scope, key), inside the caller's transaction. The key row is inserted first: a
 * concurrent request with the same key waits on it, then sees the committed first result and moves no
 * money. The same key with a different request is refused. If the first attempt fails, its transaction
 * (key included) rolls back, so a retry runs for real.
 */
export async function withIdempotency<T>(
  tx: Tx,
  options: { scope: string; key: string; request: unknown; clock?: Clock },
  work: () => Promise<T>,
): Promise<IdempotentResult<T>> {
  if (!IDEMPOTENCY_KEY_PATTERN.test(options.key)) {
    throw new DomainError("validation", { messageKey: "errors.idempotency_key_invalid" });
  }
  const now = (options.clock ?? systemClock).now();
  const requestHash = hashRequest(options.request);
  const inserted = await tx.$queryRaw<{ key: string }[]>`
    INSERT INTO idempotency_keys (scope, key, request_hash, created_at, expires_at)
    VALUES (${options.scope}, ${options.key}, ${requestHash}, ${now}, ${new Date(now.getTime() + KEEP_FOR_MS)})
    ON CONFLICT (scope, key) DO NOTHING
    RETURNING key`;
  if (inserted.length === 0) {
    const existing = await tx.idempotencyKey.findUniqueOrThrow({ where: { scope_key: { scope: options.scope, key: options.key } } });
    if (existing.requestHash !== requestHash) throw new DomainError("idempotency_conflict");
    return { result: JSON.parse(JSON.stringify(existing.response), reviver) as T, replayed: true };
  }
  const result = await work();
  const stored = JSON.parse(JSON.stringify(result ?? null, replacer));
  await tx.$executeRaw`UPDATE idempotency_keys SET response = ${JSON.stringify(stored)}::jsonb WHERE scope = ${options.scope} AND key = ${options.key}`;
  return { result, replayed: false };
}
