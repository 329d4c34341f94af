import { hash, verify } from "@node-rs/argon2";
import { isCommonPassword } from "./common-passwords";

// argon2id (the library's default algorithm) with OWASP's minimum memory/time settings.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 10;

export const hashPassword = (password: string) => hash(password, OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Spent on unknown emails, so the answer takes as long whether or not the account exists. */
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string) {
  dummyHash ??= hashPassword("anxin-timing-equaliser");
  await verifyPassword(await dummyHash, password);
}

/**
 * Mostly one character ("1111111111", ten spaces, "aaaaabbbbb") or built from fewer than four different
 * characters ("ababababab"): guessed in seconds whatever its length.
 */
export function isRepetitive(password: string): boolean {
  const counts = new Map<string, number>();
  const chars = [...password];
  for (const c of chars) counts.set(c, (counts.get(c) ?? 0) + 1);
  return Math.max(...counts.values()) * 2 >= chars.length || counts.size < 4;
}

/**
 * The i18n key of the first password rule broken, or null. One rule set for every password that is chosen
 * (sign-up, admin-created users, a later password change). The password itself is never trimmed or
 * otherwise changed: what is checked is exactly what is stored.
 */
export function passwordProblem(password: string, email: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return "validation.password.tooShort";
  if (password.length > 200) return "validation.password.tooLong";
  if (password.trim().toLowerCase() === email.trim().toLowerCase()) return "validation.password.isEmail";
  if (isRepetitive(password)) return "validation.password.repetitive";
  if (isCommonPassword(password)) return "validation.password.common";
  return null;
}
