import { z } from "zod";

/**
 * The one definition of "text a person typed", used by every zod schema that takes user text (registration,
 * onboarding, orders, disputes, admin forms, settings, wallet). Rules, in order:
 *
 * 1. Control characters are refused with a field error: NUL would reach PostgreSQL, which refuses it in text
 *    (an unexpected error instead of a message), and the others (ESC, DEL, C1…) only hide what is stored.
 *    Single-line fields also refuse line breaks and tabs; multi-line fields allow "\n", "\r" and "\t".
 *    Ill-formed UTF-16 (a lone surrogate) is refused too: it cannot be stored as written.
 * 2. Bidirectional embedding, override and isolate characters (U+202A–U+202E, U+2066–U+2069) are removed:
 *    they make text read differently from how it is stored ("invoice‮fdp.exe"), and other people read it.
 * 3. Line breaks are normalised to "\n"; the text is trimmed; then its length is checked.
 */
const CONTROL_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export type TextKind = "singleLine" | "multiLine" | "secret";

/** Which helper built a field: tests walk every schema and check each field against its kind. */
export const textKinds = z.registry<{ kind: TextKind }>();

export function hasControlCharacters(value: string, multiLine = false): boolean {
  return LONE_SURROGATE.test(value) || (multiLine ? CONTROL_MULTI_LINE : CONTROL_SINGLE_LINE).test(value);
}

export const stripBidiControls = (value: string) => value.replace(BIDI_CONTROLS, "");

/** What is stored and shown: bidi controls removed, line breaks as "\n", trimmed. */
export function cleanText(value: string): string {
  return stripBidiControls(value).replace(/\r\n?/g, "\n").trim();
}

type TextOptions = {
  max: number;
  /** Minimum length after trimming; 1 when `required` is given without `min`. */
  min?: number;
  /** Message key when empty (and the field is required). */
  required?: string;
  /** Message key when shorter than `min` (default: `required`). */
  tooShort?: string;
  /** Message key when longer than `max`. */
  tooLong?: string;
};

function build(kind: Exclude<TextKind, "secret">, options: TextOptions) {
  const multiLine = kind === "multiLine";
  const min = options.min ?? (options.required ? 1 : 0);
  const required = options.required ?? "validation.required";
  const schema = z
    .string({ error: required })
    .refine((value) => !hasControlCharacters(value, multiLine), { error: multiLine ? "validation.text.control" : "validation.text.singleLine" })
    .transform(cleanText)
    .pipe(
      z
        .string()
        .min(min, { error: min <= 1 ? required : (options.tooShort ?? required) })
        .max(options.max, { error: options.tooLong ?? "validation.tooLong" }),
    );
  return schema.register(textKinds, { kind });
}

/** One line of text (names, titles, contacts, identifiers typed by a person). */
export const singleLine = (options: TextOptions) => build("singleLine", options);

/** Several lines (descriptions, messages, notes shown in a textarea). */
export const multiLine = (options: TextOptions) => build("multiLine", options);

/**
 * A password: control characters are refused like anywhere else, but nothing is trimmed or removed, because
 * the exact characters are what is checked at sign-in.
 */
export const secretText = (options: { max: number; tooLong: string }) =>
  z
    .string({ error: "validation.required" })
    .refine((value) => !hasControlCharacters(value), { error: "validation.text.singleLine" })
    .pipe(z.string().max(options.max, { error: options.tooLong }))
    .register(textKinds, { kind: "secret" });

/** An e-mail address: one line, lower-cased, checked by zod's e-mail rule. */
export const emailText = () =>
  singleLine({ max: 254, required: "validation.email", tooLong: "validation.email" }).pipe(z.string().toLowerCase().pipe(z.email({ error: "validation.email" })));

/**
 * A record id sent back by a form (cuid or UUID). Anything else cannot name a row, so it is refused before it
 * reaches the database.
 */
export const recordId = () => z.string({ error: "validation.invalid" }).regex(/^[A-Za-z0-9_-]{1,64}$/, { error: "validation.invalid" });
