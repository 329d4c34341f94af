import { DomainError } from "@/lib/errors/domain-error";

/** The Luhn (mod 10) check used by bank card numbers. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export const normaliseCardNumber = (input: string) => input.replace(/[\s-]/g, "");

/**
 * The sandbox bank: any Luhn-valid card of 16–19 digits pays, except cards ending in 0002, which the bank
 * declines (so the failure path can be tried by hand and in tests).
 */
export function chargeSandboxCard(cardNumber: string): { last4: string } {
  const digits = normaliseCardNumber(cardNumber);
  if (!/^\d{16,19}$/.test(digits) || !luhnValid(digits)) {
    throw new DomainError("validation", { fieldErrors: { cardNumber: "validation.card.invalid" }, messageKey: "validation.card.invalid" });
  }
  if (digits.endsWith("0002")) throw new DomainError("card_declined");
  return { last4: digits.slice(-4) };
}

/** A sandbox card that always pays, shown on the top-up form. */
export const SANDBOX_CARD = "6222 0200 0000 0007";
