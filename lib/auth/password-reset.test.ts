import { createHash } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { inTransaction } from "@/lib/db/transaction";
import { fixedClock, HOUR, MINUTE } from "@/lib/time/clock";
import { prisma, resetDatabase } from "@/tests/db";
import { deliver, tokenIn } from "@/tests/email-helpers";
import { createUser, TEST_PASSWORD } from "@/tests/fixtures";
import { authenticate } from "./login";
import { isResetLinkValid, requestPasswordReset, RESET, resetPassword } from "./password-reset";
import { currentSessionUser, issueSessionToken } from "./session-token";
import { recordFailure, THROTTLE, emailKey, lockedUntil } from "./throttle";

beforeAll(() => {
  process.env.NEXTAUTH_SECRET ??= "a-test-secret-of-enough-length-0123456789";
});

const NEW_PASSWORD = "chosen-after-a-reset";
const noSleep = { sleep: async () => {} };
const reset = (token: string, password = NEW_PASSWORD, clock = fixedClock(new Date())) =>
  inTransaction(prisma, (tx) => resetPassword(tx, { token, password, confirmPassword: password }, clock));

/** Asks for a reset and lets the job send it; returns the token from the email. */
async function resetLinkFor(email: string, clock = fixedClock(new Date()), ip: string | null = "10.0.0.1") {
  await requestPasswordReset(prisma, { email, ip }, clock);
  const [message] = await deliver(clock);
  return tokenIn(message.text);
}

describe("forgot password", () => {
  beforeEach(resetDatabase);

  it("answers an unknown email exactly like a known one, and only the known one gets an email", async () => {
    const user = await createUser("BUYER");
    await expect(requestPasswordReset(prisma, { email: ` ${user.email.toUpperCase()} `, ip: "10.0.0.1" })).resolves.toBeUndefined();
    await expect(requestPasswordReset(prisma, { email: "nobody@test.anxin", ip: "10.0.0.1" })).resolves.toBeUndefined();
    const queued = await prisma.outboxEmail.findMany();
    expect(queued).toMatchObject([{ userId: user.id, kind: "password.reset", status: "PENDING" }]);
    // Both requests are recorded, so they count alike against the limits.
    const recorded = await prisma.passwordReset.findMany();
    expect(recorded.map((r) => [r.email, r.userId]).sort()).toEqual([[user.email, user.id], ["nobody@test.anxin", null]].sort());
  });

  it("a malformed email is a field error and records nothing", async () => {
    await expect(requestPasswordReset(prisma, { email: "not-an-email", ip: null })).rejects.toMatchObject({ issues: [{ path: ["email"], message: "validation.email" }] });
    expect(await prisma.passwordReset.count()).toBe(0);
  });

  it("the link's random token is made when the email is sent and only its SHA-256 is stored", async () => {
    const user = await createUser("BUYER");
    await requestPasswordReset(prisma, { email: user.email, ip: null });
    // Queued, not sent: no token exists anywhere yet, the outbox row holds no secret.
    expect(await prisma.passwordReset.findFirstOrThrow()).toMatchObject({ tokenHash: null });
    expect(JSON.stringify((await prisma.outboxEmail.findFirstOrThrow()).params)).not.toMatch(/token/i);
    const [message] = await deliver();
    const token = tokenIn(message.text);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await prisma.passwordReset.findFirstOrThrow();
    expect(stored.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(message.html).toContain(`/reset-password/${token}`);
  });

  it("a reset link sets the new password once, ends every session of the user and voids their other links", async () => {
    const user = await createUser("MERCHANT");
    const session = await issueSessionToken(await prisma.user.findUniqueOrThrow({ where: { id: user.id } }));
    const older = await resetLinkFor(user.email);
    const token = await resetLinkFor(user.email);
    expect(await isResetLinkValid(prisma, token)).toBe(true);
    await expect(reset(token)).resolves.toEqual({ email: user.email });
    expect(await currentSessionUser(prisma, session)).toBeNull();
    await expect(authenticate(prisma, { email: user.email, password: NEW_PASSWORD, ip: null }, noSleep)).resolves.toMatchObject({ id: user.id });
    // Single use, and the older link died with it.
    await expect(reset(token, "yet-another-passphrase")).rejects.toMatchObject({ code: "not_found", messageKey: "errors.reset_link_invalid" });
    await expect(reset(older, "yet-another-passphrase")).rejects.toMatchObject({ messageKey: "errors.reset_link_invalid" });
    expect(await isResetLinkValid(prisma, token)).toBe(false);
    await expect(authenticate(prisma, { email: user.email, password: NEW_PASSWORD, ip: null }, noSleep)).resolves.toBeTruthy();
  });

  it("two uses of one link at once: one sets the password, the other is refused", async () => {
    const user = await createUser("BUYER");
    const token = await resetLinkFor(user.email);
    const results = await Promise.allSettled([reset(token, "first-reset-passphrase"), reset(token, "second-reset-passphrase")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { messageKey: "errors.reset_link_invalid" } });
  });

  it("a link expires 30 minutes after the request", async () => {
    const user = await createUser("BUYER");
    const clock = fixedClock("2026-11-24T10:00:00Z");
    const token = await resetLinkFor(user.email, clock);
    clock.advance(RESET.ttlMs);
    expect(await isResetLinkValid(prisma, token, clock)).toBe(false);
    await expect(reset(token, NEW_PASSWORD, clock)).rejects.toMatchObject({ messageKey: "errors.reset_link_invalid" });
    await expect(authenticate(prisma, { email: user.email, password: TEST_PASSWORD, ip: null }, noSleep)).resolves.toBeTruthy();

    const fresh = await resetLinkFor(user.email, clock);
    clock.advance(RESET.ttlMs - MINUTE);
    await expect(reset(fresh, NEW_PASSWORD, clock)).resolves.toBeTruthy();
  });

  it("an email whose link expired before it could be sent is skipped, not sent", async () => {
    const user = await createUser("BUYER");
    const clock = fixedClock("2026-11-24T10:00:00Z");
    await requestPasswordReset(prisma, { email: user.email, ip: null }, clock);
    clock.advance(RESET.ttlMs + MINUTE);
    expect(await deliver(clock)).toEqual([]);
    expect(await prisma.outboxEmail.findFirstOrThrow()).toMatchObject({ status: "SKIPPED" });
  });

  it("the password rules apply, and a refused password leaves the link usable", async () => {
    const user = await createUser("BUYER");
    const token = await resetLinkFor(user.email);
    await expect(reset(token, "short")).rejects.toMatchObject({ fieldErrors: { password: "validation.password.tooShort" } });
    await expect(reset(token, user.email)).rejects.toMatchObject({ fieldErrors: { password: "validation.password.isEmail" } });
    await expect(
      inTransaction(prisma, (tx) => resetPassword(tx, { token, password: NEW_PASSWORD, confirmPassword: "something-else-entirely" })),
    ).rejects.toMatchObject({ fieldErrors: { confirmPassword: "validation.password.mismatch" } });
    await expect(reset(token)).resolves.toBeTruthy();
  });

  it("a made-up or malformed token is refused the same way", async () => {
    for (const token of ["", "x", "A".repeat(43), "../../etc/passwd", "A".repeat(500)]) {
      await expect(reset(token), token).rejects.toMatchObject({ messageKey: "errors.reset_link_invalid" });
      expect(await isResetLinkValid(prisma, token)).toBe(false);
    }
  });

  it("a reset lifts a sign-in lock on the email: the link proves the mailbox is theirs", async () => {
    const user = await createUser("BUYER");
    const now = new Date();
    for (let i = 0; i < THROTTLE.emailLimit; i++) await recordFailure(prisma, emailKey(user.email), THROTTLE.emailLimit, now);
    expect(await lockedUntil(prisma, emailKey(user.email), now)).not.toBeNull();
    await reset(await resetLinkFor(user.email));
    await expect(authenticate(prisma, { email: user.email, password: NEW_PASSWORD, ip: null }, noSleep)).resolves.toBeTruthy();
  });

  it("limits requests per email, known or not, with the same answer for both", async () => {
    const user = await createUser("BUYER");
    const clock = fixedClock("2026-11-24T10:00:00Z");
    for (const email of [user.email, "nobody@test.anxin"]) {
      for (let i = 0; i < RESET.perEmail; i++) await requestPasswordReset(prisma, { email, ip: `10.0.1.${i}` }, clock);
      await expect(requestPasswordReset(prisma, { email, ip: "10.0.2.1" }, clock)).rejects.toMatchObject({ code: "rate_limited", params: { minutes: 60 } });
    }
    expect(await prisma.outboxEmail.count()).toBe(RESET.perEmail);
    // Free again when the first request leaves the hour.
    clock.advance(HOUR + 1);
    await expect(requestPasswordReset(prisma, { email: user.email, ip: "10.0.2.1" }, clock)).resolves.toBeUndefined();
  });

  it("limits requests per client address across emails; other addresses are not affected", async () => {
    const clock = fixedClock("2026-11-24T10:00:00Z");
    for (let i = 0; i < RESET.perAddress; i++) await requestPasswordReset(prisma, { email: `someone${i}@test.anxin`, ip: "10.9.9.9" }, clock);
    await expect(requestPasswordReset(prisma, { email: "fresh@test.anxin", ip: "10.9.9.9" }, clock)).rejects.toMatchObject({ code: "rate_limited" });
    await expect(requestPasswordReset(prisma, { email: "fresh@test.anxin", ip: "10.9.9.10" }, clock)).resolves.toBeUndefined();
  });

  it("concurrent requests for one email never get past the limit", async () => {
    const user = await createUser("BUYER");
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => requestPasswordReset(prisma, { email: user.email, ip: `10.0.3.${i}` })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(RESET.perEmail);
    expect(await prisma.passwordReset.count()).toBe(RESET.perEmail);
  });
});
