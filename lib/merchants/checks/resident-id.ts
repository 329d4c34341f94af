/**
 * Resident identity card number (居民身份证号码), GB 11643-1999: 17 digits and a check character computed with
 * ISO 7064 MOD 11-2 ("X" stands for 10). Digits 7–14 are the birth date, which must be a real past date.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = "10X98765432";

export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

function validBirthDate(yyyymmdd: string, today: Date): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < 1800) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  return date.getTime() <= today.getTime();
}

/** null when valid, else the i18n key of what is wrong. */
export function residentIdProblem(input: string, today: Date = new Date()): string | null {
  const id = input.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return "validation.residentId.format";
  if (!validBirthDate(id.slice(6, 14), today)) return "validation.residentId.birthDate";
  if (residentIdCheckChar(id.slice(0, 17)) !== id[17]) return "validation.residentId.check";
  return null;
}
