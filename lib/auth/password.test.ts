import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isCommonPassword } from "./common-passwords";
import { isRepetitive, MIN_PASSWORD_LENGTH, passwordProblem } from "./password";

const EMAIL = "someone@test.anxin";

describe("password rules", () => {
  it("refuses passwords that are mostly one character, whitespace included, without trimming them first", () => {
    for (const weak of ["          ", "1111111111", "aaaaaaaaaaaaaaaaaaaa", "aaaaabbbbb", "x1x2x3xxxx", "\t\t\t\t\t\t\t\t\t\t"]) {
      expect(passwordProblem(weak, EMAIL), JSON.stringify(weak)).toBe("validation.password.repetitive");
    }
  });

  it("refuses passwords built from fewer than four different characters", () => {
    for (const weak of ["ababababab", "abcabcabca", "121212121212", "  ..  ..  .."]) {
      expect(passwordProblem(weak, EMAIL), JSON.stringify(weak)).toBe("validation.password.repetitive");
    }
    expect(isRepetitive("abcdabcdab")).toBe(false);
  });

  it("refuses passwords on the shipped list of common passwords, whatever their case or surrounding spaces", () => {
    for (const common of ["1234567890", "qwertyuiop", "password123", "woaini1314", "Password123", "QWERTYUIOP", " 1qaz2wsx3edc "]) {
      expect(passwordProblem(common, EMAIL), common).toBe("validation.password.common");
    }
  });

  it("accepts long, varied passwords that are not on the list", () => {
    for (const good of ["correct-horse-battery", "tea-garden", "茶园里第七棵树的老叶子", "Anxin 2026 ∆ escrow"]) {
      expect(passwordProblem(good, EMAIL), good).toBeNull();
    }
  });

  it("keeps the earlier rules and their order: length first, then the email", () => {
    expect(passwordProblem("aaaa", EMAIL)).toBe("validation.password.tooShort");
    expect(passwordProblem("x".repeat(201), EMAIL)).toBe("validation.password.tooLong");
    expect(passwordProblem(" SOMEONE@test.anxin", EMAIL)).toBe("validation.password.isEmail");
  });

  it("the shipped list holds a few thousand lower-cased entries, none shorter than the minimum (they could never matter)", () => {
    const entries = readFileSync(new URL("./common-passwords.txt", import.meta.url), "utf8")
      .split("\n")
      .filter((line) => line && !line.startsWith("#"));
    expect(entries.length).toBeGreaterThan(1000);
    expect(new Set(entries).size).toBe(entries.length);
    for (const entry of entries) {
      expect(entry.length, entry).toBeGreaterThanOrEqual(MIN_PASSWORD_LENGTH);
      expect(entry, entry).toBe(entry.toLowerCase());
    }
    expect(isCommonPassword(entries.at(-1)!)).toBe(true);
  });
});
