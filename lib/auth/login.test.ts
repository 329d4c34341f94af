import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { inTransaction } from "@/lib/db/transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { userAccountCode } from "@/lib/ledger/accounts";
import { fixedClock, MINUTE } from "@/lib/time/clock";
import { prisma, resetDatabase } from "@/tests/db";
import { createUser, TEST_PASSWORD } from "@/tests/fixtures";
import { expectDomainError } from "@/tests/ledger-helpers";
import { authenticate, loginSchema } from "./login";
import { registerUser, type RegisterInput } from "./register";
import { THROTTLE, emailKey, ipKey } from "./throttle";

const register = (input: Partial<RegisterInput> & { email: string }) =>
  inTransaction(prisma, (tx) =>
    registerUser(tx, { name: "Test User", password: "a-long-enough-password", role: "BUYER", locale: "zh-CN", ...input }),
  );

/** A fake sleep that records the delays asked for, so throttling is visible without waiting. */
function recordingSleep() {
  const delays: number[] = [];
  return { delays, sleep: async (ms: number) => void delays.push(ms) };
}

/** Each test signs in from its own address, so IP counters of other tests never interfere. */
const freshIp = () => `203.0.113.${Math.floor(Math.random() * 250) + 1}-${randomUUID().slice(0, 6)}`;

/** Runs an attempt and returns the refusal (code and message key), or "ok". */
async function outcome(attempt: Promise<unknown>) {
  try {
    await attempt;
    return "ok";
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    return { code: e.code, messageKey: e.messageKey };
  }
}

const INVALID = { code: "invalid_credentials", messageKey: "errors.invalid_credentials" };
const LOCKED = { code: "login_locked", messageKey: "errors.login_locked" };

describe("registerUser", () => {
  beforeEach(resetDatabase);

  it("refuses a password shorter than 10 characters", async () => {
    const error = await register({ email: "short@test.anxin", password: "123456789" }).catch((e) => e);
    expect(error).toBeInstanceOf(ZodError);
    expect((error as ZodError).issues).toEqual([expect.objectContaining({ path: ["password"], message: "validation.password.tooShort" })]);
    expect(await prisma.user.count()).toBe(0);
    // Ten characters is enough (for a password that is not weak in other ways).
    await expect(register({ email: "ten@test.anxin", password: "tea-garden" })).resolves.toMatchObject({ email: "ten@test.anxin" });
  });

  it("refuses ten spaces, a repeated digit and a common password, storing nothing and trimming nothing", async () => {
    for (const [password, message] of [
      ["          ", "validation.password.repetitive"],
      ["1111111111", "validation.password.repetitive"],
      ["1234567890", "validation.password.common"],
      ["Password123", "validation.password.common"],
    ]) {
      const error = await register({ email: "weak@test.anxin", password }).catch((e) => e);
      expect(error, password).toBeInstanceOf(ZodError);
      expect((error as ZodError).issues).toEqual([expect.objectContaining({ path: ["password"], message })]);
    }
    expect(await prisma.user.count()).toBe(0);
    // Spaces around an acceptable password are kept: it is stored exactly as typed.
    await register({ email: "spaces@test.anxin", password: "  tea-garden  " });
    const { sleep } = recordingSleep();
    expect(await outcome(authenticate(prisma, { email: "spaces@test.anxin", password: "tea-garden", ip: freshIp() }, { sleep }))).toEqual(INVALID);
    expect(await outcome(authenticate(prisma, { email: "spaces@test.anxin", password: "  tea-garden  ", ip: freshIp() }, { sleep }))).toBe("ok");
  });

  it("refuses a password equal to the email, whatever its case", async () => {
    const error = await register({ email: "Same.As.Email@Test.anxin", password: "same.as.EMAIL@test.anxin" }).catch((e) => e);
    expect(error).toBeInstanceOf(ZodError);
    expect((error as ZodError).issues.map((i) => i.message)).toEqual(["validation.password.isEmail"]);
    expect(await prisma.user.count()).toBe(0);
  });

  it("stores the email lower-cased and trimmed, and refuses the same address again in any case as email_taken", async () => {
    const user = await register({ email: "  Mixed.Case@Test.ANXIN " });
    expect(user.email).toBe("mixed.case@test.anxin");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe("mixed.case@test.anxin");
    const error = await expectDomainError(register({ email: "MIXED.case@test.anxin" }), "email_taken");
    expect(error.fieldErrors).toEqual({ email: "errors.email_taken" });
    expect(await prisma.user.count()).toBe(1);
  });

  it("two registrations of one email at once create one user; the other is refused as email_taken", async () => {
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => register({ email: "race@test.anxin" })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r): r is PromiseRejectedResult => r.status === "rejected")) {
      expect(r.reason).toBeInstanceOf(DomainError);
      expect((r.reason as DomainError).code).toBe("email_taken");
    }
    expect(await prisma.user.count()).toBe(1);
  });

  it("opens a wallet for a buyer; a merchant also gets a Merchant record in DRAFT", async () => {
    const buyer = await register({ email: "buyer@test.anxin" });
    expect(await prisma.ledgerAccount.findUnique({ where: { code: userAccountCode(buyer.id, "WALLET") } })).toMatchObject({ balance: 0n });
    expect(await prisma.merchant.findUnique({ where: { userId: buyer.id } })).toBeNull();

    const merchant = await register({ email: "shop@test.anxin", name: "  Tea Shop ", role: "MERCHANT" });
    expect(merchant.role).toBe("MERCHANT");
    expect(await prisma.merchant.findUniqueOrThrow({ where: { userId: merchant.id } })).toMatchObject({ status: "DRAFT", displayName: "Tea Shop" });
    expect(await prisma.ledgerAccount.count({ where: { userId: merchant.id, type: "WALLET" } })).toBe(1);
  });

  it("stores an argon2id hash, never the password", async () => {
    const user = await register({ email: "hash@test.anxin", password: "a-long-enough-password" });
    const stored = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored.passwordHash).not.toContain("a-long-enough-password");
  });

  it("an admin cannot self-register: the schema refuses the role", async () => {
    const error = await register({ email: "root@test.anxin", role: "ADMIN" as never }).catch((e) => e);
    expect(error).toBeInstanceOf(ZodError);
    expect((error as ZodError).issues.map((i) => i.path)).toEqual([["role"]]);
    expect(await prisma.user.count()).toBe(0);
  });
});

describe("authenticate", () => {
  beforeEach(resetDatabase);

  it("signs in with the right password, whatever the email's case and spacing", async () => {
    const user = await createUser("MERCHANT", { email: "login@test.anxin" });
    const { sleep, delays } = recordingSleep();
    const signedIn = await authenticate(prisma, { email: " LOGIN@Test.Anxin ", password: TEST_PASSWORD, ip: freshIp() }, { sleep });
    expect(signedIn).toMatchObject({ id: user.id, email: "login@test.anxin", role: "MERCHANT", locale: "zh-CN" });
    expect(delays).toEqual([]);
  });

  it("an empty sign-in form asks for the email and the password (before any account is looked up, so it reveals nothing)", () => {
    const messages = (input: Record<string, string>) => {
      const parsed = loginSchema.safeParse(input);
      return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    };
    expect(messages({ email: "", password: "" })).toEqual(["email: validation.login.email", "password: validation.login.password"]);
    expect(messages({ email: "  ", password: "x" })).toEqual(["email: validation.login.email"]);
    expect(messages({ email: "nobody@test.anxin", password: "" })).toEqual(messages({ email: "known@test.anxin", password: "" }));
    expect(messages({ email: "a@b.c", password: " " })).toEqual([]);
  });

  it("a wrong password and an unknown email get the same error code and message", async () => {
    await createUser("BUYER", { email: "known@test.anxin" });
    const { sleep } = recordingSleep();
    const ip = freshIp();
    const wrong = await outcome(authenticate(prisma, { email: "known@test.anxin", password: "wrong-password-1", ip }, { sleep }));
    const unknown = await outcome(authenticate(prisma, { email: "nobody@test.anxin", password: "wrong-password-1", ip }, { sleep }));
    const empty = await outcome(authenticate(prisma, { email: "known@test.anxin", password: "", ip }, { sleep }));
    expect(wrong).toEqual(INVALID);
    expect(unknown).toEqual(wrong);
    expect(empty).toEqual(wrong);
  });

  it("after 5 failures an email is locked even for the right password, and the lock says so without revealing the account", async () => {
    const clock = fixedClock("2026-11-23T10:00:00Z");
    await createUser("BUYER", { email: "victim@test.anxin" });
    const { sleep } = recordingSleep();
    const ip = freshIp();
    for (let i = 0; i < THROTTLE.emailLimit; i++) {
      expect(await outcome(authenticate(prisma, { email: "victim@test.anxin", password: `guess-number-${i}`, ip }, { clock, sleep }))).toEqual(INVALID);
    }
    const locked = await authenticate(prisma, { email: "victim@test.anxin", password: TEST_PASSWORD, ip: freshIp() }, { clock, sleep }).catch((e) => e);
    expect(locked).toBeInstanceOf(DomainError);
    expect(locked).toMatchObject({ ...LOCKED, params: { minutes: 15 } });

    // An unknown email is locked the same way, with the same answer.
    for (let i = 0; i < THROTTLE.emailLimit; i++) {
      await outcome(authenticate(prisma, { email: "ghost@test.anxin", password: `guess-number-${i}`, ip: freshIp() }, { clock, sleep }));
    }
    const ghost = await authenticate(prisma, { email: "ghost@test.anxin", password: TEST_PASSWORD, ip: freshIp() }, { clock, sleep }).catch((e) => e);
    expect(ghost).toMatchObject({ ...LOCKED, params: { minutes: 15 } });
    expect(ghost.message).toBe(locked.message);
  });

  it("the lock lasts 15 minutes, then the right password works and clears the email's counter", async () => {
    const clock = fixedClock("2026-11-23T10:00:00Z");
    await createUser("BUYER", { email: "patient@test.anxin" });
    const { sleep } = recordingSleep();
    const attempt = (password: string) => outcome(authenticate(prisma, { email: "patient@test.anxin", password, ip: freshIp() }, { clock, sleep }));
    for (let i = 0; i < 5; i++) await attempt("not-the-password");
    clock.advance(14 * MINUTE + 59_000);
    expect(await attempt(TEST_PASSWORD)).toEqual(LOCKED);
    clock.advance(1_000);
    expect(await attempt(TEST_PASSWORD)).toBe("ok");
    expect(await prisma.loginThrottle.findUnique({ where: { key: emailKey("patient@test.anxin") } })).toBeNull();
    // A fresh count: four more failures do not lock it again.
    for (let i = 0; i < 4; i++) expect(await attempt("not-the-password")).toEqual(INVALID);
    expect(await attempt(TEST_PASSWORD)).toBe("ok");
  });

  it("a success clears the email's failures, so earlier failures do not count towards a lock", async () => {
    const clock = fixedClock("2026-11-23T10:00:00Z");
    await createUser("BUYER", { email: "forgetful@test.anxin" });
    const { sleep } = recordingSleep();
    const attempt = (password: string) => outcome(authenticate(prisma, { email: "forgetful@test.anxin", password, ip: freshIp() }, { clock, sleep }));
    for (let i = 0; i < 4; i++) expect(await attempt("not-the-password")).toEqual(INVALID);
    expect(await attempt(TEST_PASSWORD)).toBe("ok");
    for (let i = 0; i < 4; i++) expect(await attempt("not-the-password")).toEqual(INVALID);
    expect(await attempt(TEST_PASSWORD)).toBe("ok");
  });

  it("failures spread over more than 15 minutes do not add up to a lock", async () => {
    const clock = fixedClock("2026-11-23T10:00:00Z");
    await createUser("BUYER", { email: "slow@test.anxin" });
    const { sleep } = recordingSleep();
    const attempt = (password: string) => outcome(authenticate(prisma, { email: "slow@test.anxin", password, ip: freshIp() }, { clock, sleep }));
    for (let i = 0; i < 4; i++) await attempt("not-the-password");
    clock.advance(16 * MINUTE);
    expect(await attempt("not-the-password")).toEqual(INVALID);
    expect(await attempt(TEST_PASSWORD)).toBe("ok");
  });

  it("30 failures from one IP lock that IP across different emails, but not other IPs", async () => {
    const clock = fixedClock("2026-11-23T10:00:00Z");
    const user = await createUser("BUYER", { email: "innocent@test.anxin" });
    const { sleep } = recordingSleep();
    const ip = freshIp();
    await Promise.all(
      Array.from({ length: THROTTLE.ipLimit }, (_, i) =>
        outcome(authenticate(prisma, { email: `spray-${i}@test.anxin`, password: "password-spray", ip }, { clock, sleep })),
      ),
    );
    expect((await prisma.loginThrottle.findUniqueOrThrow({ where: { key: ipKey(ip) } })).failures).toBe(THROTTLE.ipLimit);
    expect(await outcome(authenticate(prisma, { email: user.email, password: TEST_PASSWORD, ip }, { clock, sleep }))).toEqual(LOCKED);
    expect(await outcome(authenticate(prisma, { email: user.email, password: TEST_PASSWORD, ip: freshIp() }, { clock, sleep }))).toBe("ok");
  });

  it("answers are slowed down from the second failure on, more with each failure", async () => {
    const clock = fixedClock("2026-11-23T10:00:00Z");
    await createUser("BUYER", { email: "slowed@test.anxin" });
    const { sleep, delays } = recordingSleep();
    const ip = freshIp();
    for (let i = 0; i < 5; i++) {
      await outcome(authenticate(prisma, { email: "slowed@test.anxin", password: `wrong-${i}-password`, ip }, { clock, sleep }));
    }
    expect(delays).toHaveLength(5);
    expect(delays[0]).toBe(0);
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThan(delays[i - 1]);
    expect(delays[1]).toBeGreaterThan(0);
    expect(Math.max(...delays)).toBeLessThanOrEqual(3_000);
  });

  it("concurrent failures are all counted: 5 wrong passwords at once lock the email", async () => {
    const clock = fixedClock("2026-11-23T10:00:00Z");
    await createUser("BUYER", { email: "burst@test.anxin" });
    const { sleep } = recordingSleep();
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        outcome(authenticate(prisma, { email: "burst@test.anxin", password: `burst-guess-${i}`, ip: freshIp() }, { clock, sleep })),
      ),
    );
    expect(results).toEqual(Array(5).fill(INVALID));
    expect((await prisma.loginThrottle.findUniqueOrThrow({ where: { key: emailKey("burst@test.anxin") } })).failures).toBe(5);
    expect(await outcome(authenticate(prisma, { email: "burst@test.anxin", password: TEST_PASSWORD, ip: freshIp() }, { clock, sleep }))).toEqual(LOCKED);
  });
});
