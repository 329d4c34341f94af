import { describe, expect, it } from "vitest";
import { accountNumberProblem } from "./banks";
import { creditCodeProblem } from "./credit-code";
import { mobileProblem } from "./mobile";
import { residentIdProblem } from "./resident-id";

const today = new Date("2026-11-23T00:00:00Z");

describe("unified social credit code (GB 32100-2015)", () => {
  it("accepts published valid codes", () => {
    for (const code of ["91350100M000100Y43", "91110000600037341L", "91440300708461136T", "91350100m000100y43"]) {
      expect(creditCodeProblem(code), code).toBeNull();
    }
  });
  it("refuses a corrupted check character, a swapped character, forbidden letters and wrong lengths", () => {
    expect(creditCodeProblem("91350100M000100Y44")).toBe("validation.creditCode.check");
    expect(creditCodeProblem("91350100M000010Y43")).toBe("validation.creditCode.check");
    expect(creditCodeProblem("91350100M0001O0Y43")).toBe("validation.creditCode.chars");
    expect(creditCodeProblem("91350100M000100Y4")).toBe("validation.creditCode.length");
    expect(creditCodeProblem("")).toBe("validation.creditCode.length");
  });
});

describe("resident ID number (ISO 7064 MOD 11-2)", () => {
  it("accepts published valid numbers, including an X check character", () => {
    expect(residentIdProblem("11010519491231002X", today)).toBeNull();
    expect(residentIdProblem("11010519491231002x", today)).toBeNull();
    expect(residentIdProblem("440524188001010014", today)).toBeNull();
  });
  it("refuses a wrong check digit, an impossible or future birth date, and bad formats", () => {
    expect(residentIdProblem("110105194912310021", today)).toBe("validation.residentId.check");
    expect(residentIdProblem("440524188001010015", today)).toBe("validation.residentId.check");
    expect(residentIdProblem("110105194902300020", today)).toBe("validation.residentId.birthDate");
    expect(residentIdProblem("110105209912310020", today)).toBe("validation.residentId.birthDate");
    expect(residentIdProblem("11010519491231002", today)).toBe("validation.residentId.format");
    expect(residentIdProblem("1101051949123100XX", today)).toBe("validation.residentId.format");
  });
});

describe("bank account number", () => {
  it("Luhn-checks card-length numbers at banks whose cards use it", () => {
    expect(accountNumberProblem("CMB", "6222 0200 0000 0007")).toBeNull();
    expect(accountNumberProblem("CMB", "6222020000000008")).toBe("validation.accountNumber.check");
    // Corporate account numbers (shorter) and banks without Luhn are not checked.
    expect(accountNumberProblem("CMB", "755912345678")).toBeNull();
    expect(accountNumberProblem("WEBANK", "6222020000000008")).toBeNull();
  });
  it("refuses non-digits, wrong lengths and unknown banks", () => {
    expect(accountNumberProblem("CMB", "62220200000000a7")).toBe("validation.accountNumber.format");
    expect(accountNumberProblem("CMB", "12345678901")).toBe("validation.accountNumber.format");
    expect(accountNumberProblem("CMB", "12345678901234567890")).toBe("validation.accountNumber.format");
    expect(accountNumberProblem("NOPE", "755912345678")).toBe("validation.bank");
  });
});

describe("mainland mobile number", () => {
  it("accepts 11-digit numbers starting 13–19, with or without +86", () => {
    expect(mobileProblem("13800138000")).toBeNull();
    expect(mobileProblem("+86 139-0013-8000")).toBeNull();
  });
  it("refuses other numbers", () => {
    for (const bad of ["12800138000", "1380013800", "138001380001", "+1 13800138000", "abc"]) expect(mobileProblem(bad), bad).toBe("validation.mobile");
  });
});
