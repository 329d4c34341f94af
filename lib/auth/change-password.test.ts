import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "@/lib/time/clock";
import { prisma, resetDatabase } from "@/tests/db";
import { createUser, TEST_PASSWORD } from "@/tests/fixtures";
import { changePassword } from "./change-password";
import { authenticate } from "./login";
import { requestPasswordReset } from "./password-reset";
import { currentSessionUser, issueSessionToken } from "./session-token";

beforeAll(() => {
  process.env.NEXTAUTH_SECRET ??= "a-test-secret-of-enough-length-0123456789";
});

const NEW_PASSWORD = "a-brand-new-passphrase";
const signIn = async (userId: string) => issueSessionToken(await prisma.user.findUniqueOrThrow({ where: { id: userId } }));
const change = (actor: Parameters<typeof changePassword>[1], input: Partial<{ currentPassword: string; newPassword: string; confirmPassword: string }> = {}) =>
  changePassword(prisma, actor, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: input.newPassword ?? NEW_PASSWORD, ...input });
const noSleep = { sleep: async () => {} };

describe("change password", () => {
  beforeEach(resetDatabase);

  it("ends every other session of the user; the browser that changed it gets a fresh session and stays signed in", async () => {
    for (const role of ["BUYER", "MERCHANT", "ADMIN"] as const) {
      const user = await createUser(role);
      const here = await signIn(user.id);
      const phone = await signIn(user.id);
      const updated = await change(user.actor);
      // What the action does next: a new token for this browser, with the new session version.
      const fresh = await issueSessionToken(updated);
      expect(await currentSessionUser(prisma, fresh), role).toMatchObject({ userId: user.id });
      expect(await currentSessionUser(prisma, here), role).toBeNull();
      expect(await currentSessionUser(prisma, phone), role).toBeNull();
      await expect(authenticate(prisma, { email: user.email, password: NEW_PASSWORD, ip: null }, noSleep)).resolves.toMatchObject({ id: user.id });
      await expect(authenticate(prisma, { email: user.email, password: TEST_PASSWORD, ip: null }, noSleep)).rejects.toMatchObject({ code: "invalid_credentials" });
    }
  });

  it("refuses a wrong current password, changes nothing, and counts it as a failed sign-in until the email is locked", async () => {
    const user = await createUser("BUYER");
    const session = await signIn(user.id);
    const clock = fixedClock("2026-11-24T10:00:00Z");
    for (let i = 0; i < 5; i++) {
      await expect(changePassword(prisma, user.actor, { currentPassword: "not-my-password", newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, clock)).rejects.toMatchObject({
        fieldErrors: { currentPassword: "errors.wrong_current_password" },
      });
    }
    // Locked now, even with the right password: guessing it from a stolen session is throttled like sign-in.
    await expect(changePassword(prisma, user.actor, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, clock)).rejects.toMatchObject({ code: "login_locked" });
    expect(await currentSessionUser(prisma, session)).toMatchObject({ userId: user.id });
    await expect(authenticate(prisma, { email: user.email, password: TEST_PASSWORD, ip: null }, { ...noSleep, clock: fixedClock("2026-11-24T11:00:00Z") })).resolves.toBeTruthy();
  });

  it("the new password passes the password rules, differs from the current one and is typed twice alike", async () => {
    const user = await createUser("MERCHANT");
    const session = await signIn(user.id);
    const cases: [Partial<{ newPassword: string; confirmPassword: string }>, string, string][] = [
      [{ newPassword: "short" }, "newPassword", "validation.password.tooShort"],
      [{ newPassword: user.email }, "newPassword", "validation.password.isEmail"],
      [{ newPassword: "1111111111" }, "newPassword", "validation.password.repetitive"],
      [{ newPassword: "qwertyuiop" }, "newPassword", "validation.password.common"],
      [{ newPassword: TEST_PASSWORD }, "newPassword", "validation.password.same"],
      [{ newPassword: NEW_PASSWORD, confirmPassword: `${NEW_PASSWORD}!` }, "confirmPassword", "validation.password.mismatch"],
    ];
    for (const [input, field, key] of cases) {
      await expect(change(user.actor, input), key).rejects.toMatchObject({ fieldErrors: { [field]: key } });
    }
    expect(await currentSessionUser(prisma, session)).toMatchObject({ userId: user.id });
  });

  it("voids the user's outstanding reset links", async () => {
    const user = await createUser("BUYER");
    await requestPasswordReset(prisma, { email: user.email, ip: null });
    await change(user.actor);
    expect(await prisma.passwordReset.count({ where: { userId: user.id, usedAt: null } })).toBe(0);
  });

  it("two changes at once from two sessions: one wins, the other is refused and changes nothing", async () => {
    const user = await createUser("BUYER");
    const results = await Promise.allSettled([change(user.actor, { newPassword: "first-new-passphrase" }), change(user.actor, { newPassword: "second-new-passphrase" })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "invalid_transition" } });
  });
});
