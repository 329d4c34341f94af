import { encode } from "next-auth/jwt";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { inTransaction } from "@/lib/db/transaction";
import { setSuspended } from "@/lib/merchants/review/decide";
import { prisma, resetDatabase } from "@/tests/db";
import { createUser } from "@/tests/fixtures";
import { hashPassword } from "./password";
import { revokeUserSessions } from "./revoke";
import { currentSessionUser, issueSessionToken } from "./session-token";

beforeAll(() => {
  process.env.NEXTAUTH_SECRET ??= "a-test-secret-of-enough-length-0123456789";
});

/** Signs the user in as the sign-in action does: a token for the user as stored now. */
async function signIn(userId: string) {
  return issueSessionToken(await prisma.user.findUniqueOrThrow({ where: { id: userId } }));
}

describe("revocable sessions", () => {
  beforeEach(resetDatabase);

  it("a session token names its user, with the role, sub-role and name read from the database", async () => {
    const buyer = await createUser("BUYER");
    const token = await signIn(buyer.id);
    expect(await currentSessionUser(prisma, token)).toEqual({ userId: buyer.id, role: "BUYER", adminRole: null, email: buyer.email, name: buyer.name });
    await prisma.user.update({ where: { id: buyer.id }, data: { name: "Renamed" } });
    expect(await currentSessionUser(prisma, token)).toMatchObject({ name: "Renamed" });
  });

  it("revokeUserSessions ends every session of that user at once (a saved cookie included), and no one else's", async () => {
    const buyer = await createUser("BUYER");
    const other = await createUser("BUYER");
    const laptop = await signIn(buyer.id);
    const phone = await signIn(buyer.id);
    const others = await signIn(other.id);
    await inTransaction(prisma, (tx) => revokeUserSessions(tx, buyer.id));
    expect(await currentSessionUser(prisma, laptop)).toBeNull();
    expect(await currentSessionUser(prisma, phone)).toBeNull();
    expect(await currentSessionUser(prisma, others)).toMatchObject({ userId: other.id });
    // Signing in again gives a working session; the revoked ones stay revoked.
    expect(await currentSessionUser(prisma, await signIn(buyer.id))).toMatchObject({ userId: buyer.id });
    expect(await currentSessionUser(prisma, laptop)).toBeNull();
  });

  it("a revocation rolled back with its transaction revokes nothing", async () => {
    const buyer = await createUser("BUYER");
    const token = await signIn(buyer.id);
    await expect(
      inTransaction(prisma, async (tx) => {
        await revokeUserSessions(tx, buyer.id);
        throw new Error("the change that called for it failed");
      }),
    ).rejects.toThrow();
    expect(await currentSessionUser(prisma, token)).toMatchObject({ userId: buyer.id });
  });

  it("a new password or a new role ends every session, whichever code changes it (database trigger)", async () => {
    const buyer = await createUser("BUYER");
    const beforePassword = await signIn(buyer.id);
    await prisma.user.update({ where: { id: buyer.id }, data: { passwordHash: await hashPassword("another-good-password") } });
    expect(await currentSessionUser(prisma, beforePassword)).toBeNull();

    const beforeRole = await signIn(buyer.id);
    await prisma.$executeRaw`UPDATE users SET role = 'MERCHANT' WHERE id = ${buyer.id}`;
    expect(await currentSessionUser(prisma, beforeRole)).toBeNull();

    // Other changes (name, language) leave sessions alone.
    const current = await signIn(buyer.id);
    await prisma.user.update({ where: { id: buyer.id }, data: { locale: "en", name: "Still me" } });
    expect(await currentSessionUser(prisma, current)).toMatchObject({ userId: buyer.id, role: "MERCHANT" });
  });

  it("suspending a merchant ends the merchant user's sessions; the admin's session is untouched", async () => {
    const admin = await createUser("ADMIN");
    const merchant = await createUser("MERCHANT", { approved: true });
    const merchantToken = await signIn(merchant.id);
    const adminToken = await signIn(admin.id);
    const { id: merchantId } = await prisma.merchant.findUniqueOrThrow({ where: { userId: merchant.id } });
    await inTransaction(prisma, (tx) => setSuspended(tx, admin.actor, merchantId, true, { reason: "chargebacks" }));
    expect(await currentSessionUser(prisma, merchantToken)).toBeNull();
    expect(await currentSessionUser(prisma, adminToken)).toMatchObject({ userId: admin.id });
  });

  it("refuses a missing, tampered, expired or pre-revocation token", async () => {
    const buyer = await createUser("BUYER");
    const token = await signIn(buyer.id);
    const secret = process.env.NEXTAUTH_SECRET!;
    expect(await currentSessionUser(prisma, undefined)).toBeNull();
    expect(await currentSessionUser(prisma, "not-a-token")).toBeNull();
    expect(await currentSessionUser(prisma, token.slice(0, -4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA"))).toBeNull();
    expect(await currentSessionUser(prisma, await encode({ secret: "another-secret-entirely-0123456789", token: { uid: buyer.id, sv: 0 } }))).toBeNull();
    expect(await currentSessionUser(prisma, await encode({ secret, maxAge: -60, token: { uid: buyer.id, sv: 0 } }))).toBeNull();
    // A token from before session versions (no `sv`) is refused: its user signs in again once.
    expect(await currentSessionUser(prisma, await encode({ secret, token: { uid: buyer.id, role: "BUYER" } }))).toBeNull();
    expect(await currentSessionUser(prisma, await encode({ secret, token: { uid: "no-such-user", sv: 0 } }))).toBeNull();
  });
});
