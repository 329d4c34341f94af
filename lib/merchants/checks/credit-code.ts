/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a 31-character set
 * (no I, O, S, V, Z); the last is a check character computed mod 31 over the first 17 with fixed weights.
 */
const CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCodeCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CHARSET.indexOf(first17[i]);
    if (value < 0) return null;
    sum += value * WEIGHTS[i];
  }
  return CHARSET[(31 - (sum % 31)) % 31];
}

/** null when valid, else the i18n key of what is wrong. */
export function creditCodeProblem(input: string): string | null {
  const code = input.trim().toUpperCase();
  if (code.length !== 18) return "validation.creditCode.length";
  if (![...code].every((c) => CHARSET.includes(c))) return "validation.creditCode.chars";
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) return "validation.creditCode.check";
  return null;
}
