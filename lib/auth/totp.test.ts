import { describe, expect, it } from "vitest";
import { base32Decode, base32Encode, matchingStep, newTotpSecret, otpauthUri, stepAt, totpCode } from "./totp";

// RFC 6238, appendix B: the SHA-1 secret is the ASCII string "12345678901234567890".
const RFC_SECRET = base32Encode(Buffer.from("12345678901234567890"));

describe("TOTP", () => {
  it("gives the RFC 6238 test vectors (8 digits, SHA-1)", () => {
    const vectors: [number, string][] = [
      [59, "94287082"],
      [1111111109, "07081804"],
      [1111111111, "14050471"],
      [1234567890, "89005924"],
      [2000000000, "69279037"],
      [20000000000, "65353130"],
    ];
    for (const [seconds, code] of vectors) expect(totpCode(RFC_SECRET, stepAt(new Date(seconds * 1000)), 8), String(seconds)).toBe(code);
  });

  it("base32 round-trips and reads secrets typed in groups, in lower case, with padding", () => {
    expect(RFC_SECRET).toBe("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    expect(base32Decode("gezd gnbv-gy3t qojq gezd gnbv gy3t qojq==").toString()).toBe("12345678901234567890");
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(secret)).toHaveLength(20);
    expect(() => base32Decode("not base32!")).toThrow();
  });

  it("accepts the current step and one either side, nothing further, and only six digits", () => {
    const secret = newTotpSecret();
    const at = new Date("2026-11-24T08:00:10Z");
    const now = stepAt(at);
    expect(matchingStep(secret, totpCode(secret, now), at)).toBe(now);
    expect(matchingStep(secret, totpCode(secret, now - 1), at)).toBe(now - 1);
    expect(matchingStep(secret, totpCode(secret, now + 1), at)).toBe(now + 1);
    expect(matchingStep(secret, totpCode(secret, now - 2), at)).toBeNull();
    expect(matchingStep(secret, totpCode(secret, now + 2), at)).toBeNull();
    const code = totpCode(secret, now);
    expect(matchingStep(secret, `${code.slice(0, 3)} ${code.slice(3)}`, at)).toBe(now);
    expect(matchingStep(secret, "12345", at)).toBeNull();
    expect(matchingStep(secret, "１２３４５６", at)).toBeNull();
    expect(matchingStep(newTotpSecret(), code, at)).toBeNull();
  });

  it("writes the otpauth link an authenticator app reads", () => {
    expect(otpauthUri("ABC", "admin@anxin.test")).toBe(
      "otpauth://totp/Anxin%20Pay%3Aadmin%40anxin.test?secret=ABC&issuer=Anxin%20Pay&algorithm=SHA1&digits=6&period=30",
    );
  });
});
