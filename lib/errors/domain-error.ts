/**
 * An expected failure the user can understand and act on: a code, and the i18n key of its message
 * (`errors.<code>` unless given), with parameters for the message. Anything that is not a DomainError
 * is unexpected: logged with a request id, and the user sees a generic message.
 */
export type DomainErrorCode =
  | "not_found"
  | "forbidden"
  | "unauthenticated"
  | "validation"
  | "invalid_amount"
  | "insufficient_funds"
  | "idempotency_conflict"
  | "invalid_transition"
  | "email_taken"
  | "invalid_credentials"
  | "login_locked"
  | "invalid_second_factor"
  | "rate_limited"
  | "card_declined"
  | "merchant_not_approved";

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly messageKey: string;
  readonly params: Record<string, string | number>;
  readonly fieldErrors?: Record<string, string>;
  /** Catalog keys naming a field where its form name is not enough (a setting's value is called by the setting). */
  readonly fieldLabels?: Record<string, string>;

  constructor(
    code: DomainErrorCode,
    options: {
      messageKey?: string;
      params?: Record<string, string | number>;
      fieldErrors?: Record<string, string>;
      fieldLabels?: Record<string, string>;
      detail?: string;
    } = {},
  ) {
    super(options.detail ?? code);
    this.name = "DomainError";
    this.code = code;
    this.messageKey = options.messageKey ?? `errors.${code}`;
    this.params = options.params ?? {};
    this.fieldErrors = options.fieldErrors;
    this.fieldLabels = options.fieldLabels;
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
