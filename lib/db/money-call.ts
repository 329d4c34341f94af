import { DomainError } from "@/lib/errors/domain-error";
import { type Db, isRetryable } from "./transaction";

/**
 * A failure a money function in the database reported (SQLSTATE P0001, message "anxin:<code>", see
 * prisma/migrations/*_money_functions). It rolled its whole statement back.
 */
export class MoneyRefusal extends Error {
  constructor(
    readonly code: string,
    readonly detail: string,
  ) {
    super(`anxin:${code}`);
    this.name = "MoneyRefusal";
  }
}

type DriverCause = { code?: string; message?: string; detail?: string; constraint?: string };

function driverCause(error: unknown): DriverCause | undefined {
  const e = error as { meta?: { driverAdapterError?: { cause?: DriverCause } }; cause?: DriverCause };
  return e?.meta?.driverAdapterError?.cause ?? e?.cause;
}

/** The refusal a database function raised, if that is what `error` is. */
export function moneyRefusal(error: unknown): MoneyRefusal | null {
  if (error instanceof MoneyRefusal) return error;
  const cause = driverCause(error);
  const message = cause?.message ?? (error as Error)?.message ?? "";
  const match = /anxin:([a-z_]+)/.exec(message);
  if (!match || (cause?.code && cause.code !== "P0001")) return null;
  return new MoneyRefusal(match[1], cause?.detail ?? "");
}

/** The refusals every caller means the same way; the rest (not_paid, not_released) a caller explains itself. */
const COMMON: Record<string, () => DomainError> = {
  insufficient_funds: () => new DomainError("insufficient_funds"),
  idempotency_conflict: () => new DomainError("idempotency_conflict"),
  idempotency_key_invalid: () => new DomainError("validation", { messageKey: "errors.idempotency_key_invalid" }),
};

/** A refusal as the DomainError it means, or the error unchanged. The overdraft CHECK is the backstop of the same rule. */
export function asDomainError(error: unknown): unknown {
  const refusal = moneyRefusal(error);
  if (refusal) return COMMON[refusal.code]?.() ?? refusal;
  const text = `${(error as Error)?.message ?? ""} ${driverCause(error)?.message ?? ""}`;
  if (text.includes("ledger_accounts_no_overdraft")) return new DomainError("insufficient_funds");
  return error;
}

const isRootClient = (db: Db) => "$transaction" in db;

/**
 * Runs one money statement. Outside a caller's transaction the statement is its own transaction: a deadlock or
 * serialization failure rolled all of it back, so it is retried a few times. Inside one, the caller's
 * transaction decides (lib/db/transaction.ts retries it whole).
 */
export async function moneyCall<T>(db: Db, run: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (isRootClient(db) && attempt < attempts && isRetryable(error)) {
        await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 20));
        continue;
      }
      throw asDomainError(error);
    }
  }
}
