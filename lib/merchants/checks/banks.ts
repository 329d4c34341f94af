import { luhnValid } from "@/lib/bank/sandbox-card";

/**
 * Settlement banks. `luhn`: the bank's personal card numbers (16–19 digits) carry a Luhn check digit;
 * corporate account numbers do not, so only card-length numbers at such banks are Luhn-checked.
 */
export const BANKS = [
  { code: "ICBC", luhn: true },
  { code: "ABC", luhn: true },
  { code: "BOC", luhn: true },
  { code: "CCB", luhn: true },
  { code: "BOCOM", luhn: true },
  { code: "CMB", luhn: true },
  { code: "PSBC", luhn: true },
  { code: "CIB", luhn: true },
  { code: "SPDB", luhn: true },
  { code: "CITIC", luhn: true },
  { code: "MYBANK", luhn: false },
  { code: "WEBANK", luhn: false },
] as const;

export type BankCode = (typeof BANKS)[number]["code"];
export const BANK_CODES = BANKS.map((b) => b.code) as unknown as readonly [BankCode, ...BankCode[]];

export const normaliseAccountNumber = (input: string) => input.replace(/[\s-]/g, "");

/** null when valid, else the i18n key of what is wrong. */
export function accountNumberProblem(bankCode: string, input: string): string | null {
  const digits = normaliseAccountNumber(input);
  if (!/^\d{12,19}$/.test(digits)) return "validation.accountNumber.format";
  const bank = BANKS.find((b) => b.code === bankCode);
  if (!bank) return "validation.bank";
  if (bank.luhn && digits.length >= 16 && !luhnValid(digits)) return "validation.accountNumber.check";
  return null;
}
