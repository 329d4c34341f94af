import { readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/actions/result";
import { SANDBOX_CARD } from "@/lib/bank/sandbox-card";
import type { Role } from "@/lib/generated/prisma/enums";
import { platformDayOf } from "@/lib/time/platform-day";
import { PROJECT_ROOT, serverActionModules } from "@/tests/app-routes";
import { prisma, resetDatabase } from "@/tests/db";
import { TEST_PASSWORD } from "@/tests/fixtures";
import { cookies } from "next/headers";
import { PENDING_COOKIE, issuePendingToken } from "@/lib/auth/second-factor";
import { newTotpSecret, stepAt, totpCode } from "@/lib/auth/totp";
import { JPEG, PNG, VALID_BUSINESS, VALID_REPRESENTATIVE, VALID_SETTLEMENT } from "@/tests/onboarding-fixtures";
import { changedRows, snapshot } from "./db-snapshot";
import { CALLERS, createTenants, idsOwnedBy, type Caller, type Tenants } from "./tenants";

/**
 * Every server action (every export of every "use server" module, found in the file tree) is called by
 * every kind of caller: signed out, each wrong role, and the same role from another tenant. They must be
 * refused and change nothing in the database; the right caller then succeeds (the positive control, so the
 * test can fail). Only what needs a Next.js request is replaced: the session, revalidatePath, the cookie
 * store, the translator, and the pg-boss sender. Actions, domain code and the database are the real ones.
 */
let currentUser: SessionUser | null = null;
vi.mock("server-only", () => ({}));
vi.mock("@/lib/auth/session", () => ({
  getSession: async () => currentUser,
  // The session cookie itself is the browser's: signing in or out here changes no row.
  startSession: async () => {},
  endSession: async () => {},
  requireArea: async () => {
    throw new Error("requireArea is for pages");
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next/headers", () => {
  const jar = new Map<string, string>();
  return {
    cookies: async () => ({
      get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
      set: (name: string, value: string) => jar.set(name, value),
      delete: (name: string | { name: string }) => jar.delete(typeof name === "string" ? name : name.name),
    }),
    headers: async () => new Headers(),
  };
});
vi.mock("next-intl/server", () => {
  const messages = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../messages/en.json"), "utf8"));
  return { getTranslations: async () => createTranslator({ locale: "en", messages }) };
});
vi.mock("@/lib/jobs/enqueue", () => ({ enqueue: async () => {} }));
// Sign-in, sign-up and sign-out end in a redirect: here it is the action's success.
class Redirect extends Error {
  constructor(readonly to: string) {
    super("NEXT_REDIRECT");
  }
}
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw new Redirect(to);
  },
}));

type Action = (previous: unknown, input: FormData | Record<string, unknown>) => Promise<ActionResult<unknown>>;
type Input = (t: Tenants) => Record<string, unknown>;

type Entry = {
  /** Who may call it at all; "public": anyone, signed in or not. */
  roles: Role[] | "public";
  /**
   * tenant: aimed at tenant A's resource (an order, a dispute, a merchant); every caller but the owner (and
   * `alsoAllowed`) is refused and nothing changes. self: acts on the caller's own data only (its wallet, its
   * application, its language); a permitted caller may succeed, but never touches another caller's rows.
   */
  scope: "tenant" | "self";
  owner?: Caller;
  /** The other party of a dispute and the platform may post in its thread too. */
  alsoAllowed?: Caller[];
  /** The codes a refused caller may get (default: not_found, or forbidden for a party without that right). */
  refusedWith?: string[];
  /** Aimed at tenant A: the form a user would send, plus tenant ids a forger would add. */
  input: Input;
  /** The right caller succeeds (default: the owner, with the same input); the owner is not among the refused. */
  positive?: { as?: (t: Tenants) => SessionUser | null; input?: Input; changesNothing?: boolean; prepare?: (t: Tenants) => Promise<Record<string, unknown>> };
};

const file = (bytes: Uint8Array, name: string, type: string) => new File([new Uint8Array(bytes)], name, { type });
const forged = (t: Tenants) => ({ userId: t.sessions.buyerA.userId, merchantId: t.merchantIds.merchantA });
const NEW_PASSWORD = "isolation-new-password-2026";
// Shaped like a reset link's token (32 bytes, base64url), but no link has it.
const UNKNOWN_RESET_TOKEN = Buffer.alloc(32, 7).toString("base64url");

const TABLE: Record<string, Entry> = {
  "app/(public)/register/actions.ts#register": {
    roles: "public",
    scope: "tenant",
    refusedWith: ["email_taken"],
    input: (t) => ({ email: t.emails.buyerA, name: "冒名", password: "a-long-enough-password", role: "BUYER" }),
    positive: { as: () => null, input: () => ({ email: `new-${Date.now()}@test.anxin`, name: "新买家", password: "a-long-enough-password", role: "BUYER" }) },
  },
  "lib/i18n/locale-actions.ts#switchLocale": { roles: "public", scope: "self", input: (t) => ({ locale: "en", ...forged(t) }), owner: "buyerA" },
  // Anyone may try to sign in (an unknown email here, so the tries lock no real account); success sets only a cookie.
  "app/(public)/login/actions.ts#login": {
    roles: "public",
    scope: "self",
    input: () => ({ email: "nobody-isolation@test.anxin", password: "not-the-password" }),
    owner: "buyerA",
    positive: { as: () => null, input: (t) => ({ email: t.emails.buyerA, password: TEST_PASSWORD }), changesNothing: true },
  },
  // The second step of an administrator's sign-in acts only on the administrator its pending cookie names:
  // with no cookie every caller is refused; the control signs the tenants' admin in with a real code.
  "app/(public)/login/second-factor/actions.ts#secondFactor": {
    roles: "public",
    scope: "self",
    input: () => ({ code: "123456" }),
    owner: "admin",
    positive: {
      as: () => null,
      prepare: async (t) => {
        process.env.NEXTAUTH_SECRET ??= "isolation-test-secret-0123456789abcdef";
        const secret = newTotpSecret();
        const user = await prisma.user.update({ where: { id: t.sessions.admin.userId }, data: { totpSecret: secret, totpEnabledAt: new Date() } });
        (await cookies()).set(PENDING_COOKIE, await issuePendingToken(user));
        return { code: totpCode(secret, stepAt(new Date())) };
      },
    },
  },
  // Only hides the caller's own recovery codes (a cookie of this browser); no row changes.
  "app/(public)/login/recovery-codes/actions.ts#recoveryCodesSaved": {
    roles: ["ADMIN"],
    scope: "self",
    input: (t) => forged(t),
    owner: "admin",
    positive: { changesNothing: true },
  },
  "app/_actions/sign-out.ts#signOut": { roles: "public", scope: "self", input: (t) => forged(t), owner: "buyerA" },
  "app/_actions/sign-out.ts#switchAccount": { roles: "public", scope: "self", input: (t) => ({ callbackUrl: "/pay/x", ...forged(t) }), owner: "buyerA" },
  "app/_actions/notifications.ts#markNotificationsRead": {
    roles: ["BUYER", "MERCHANT", "ADMIN"],
    scope: "self",
    input: (t) => forged(t),
    owner: "buyerA",
  },
  "app/_actions/wallet.ts#topUpAction": {
    roles: ["BUYER", "MERCHANT"],
    scope: "self",
    input: (t) => ({ amount: "10.00", cardNumber: SANDBOX_CARD, idempotencyKey: "isolation-top-up-1", ...forged(t) }),
    owner: "buyerA",
  },
  "app/_actions/wallet.ts#withdrawAction": {
    roles: ["BUYER", "MERCHANT"],
    scope: "self",
    input: (t) => ({ amount: "1.00", bankAccount: "6222020000001234", idempotencyKey: "isolation-withdraw-1", ...forged(t) }),
    owner: "buyerA",
  },
  "app/buyer/orders/actions.ts#payOrderAction": {
    roles: ["BUYER"],
    scope: "tenant",
    owner: "buyerA",
    // Anyone holding an unpaid order's link may pay it; once buyer A paid, the link is nobody else's.
    input: (t) => ({ token: t.orders.paidToShip.payToken, idempotencyKey: "isolation-pay-1" }),
    // The right buyer pays from the fund (buyer A holds units): the choice of source goes through the action too.
    positive: { input: (t) => ({ token: t.orders.created.payToken, idempotencyKey: "isolation-pay-2", source: "FUND" }) },
  },
  // The fund is the caller's own: forged ids name nothing; a merchant not yet approved is refused by the domain.
  "app/_actions/fund.ts#subscribeAction": {
    roles: ["BUYER", "MERCHANT"],
    scope: "self",
    input: (t) => ({ amount: "10.00", idempotencyKey: "isolation-fund-in-1", ...forged(t) }),
    owner: "buyerA",
  },
  "app/_actions/fund.ts#redeemAction": {
    roles: ["BUYER", "MERCHANT"],
    scope: "self",
    input: (t) => ({ amount: "5.00", idempotencyKey: "isolation-fund-out-1", ...forged(t) }),
    owner: "buyerA",
  },
  "app/_actions/fund.ts#setAutoSweepAction": {
    roles: ["BUYER", "MERCHANT"],
    scope: "self",
    input: (t) => ({ enabled: "on", floor: "100.00", ...forged(t) }),
    owner: "buyerA",
  },
  // Credit: an application names an order of the caller's own (another's names nothing); accepting, repaying and
  // reviewing are aimed at merchant A's application and loan.
  "app/_actions/credit.ts#applyLoanAction": {
    roles: ["MERCHANT"],
    scope: "self",
    owner: "merchantA",
    input: (t) => ({ product: "ORDER", orderId: t.credit.orderToBorrow, amount: "200.00", idempotencyKey: "isolation-loan-apply-1", ...forged(t) }),
    positive: { input: (t) => ({ product: "ORDER", orderId: t.credit.orderToBorrow, amount: "200.00", idempotencyKey: "isolation-loan-apply-2" }) },
  },
  "app/_actions/credit.ts#acceptLoanAction": {
    roles: ["MERCHANT"],
    scope: "tenant",
    owner: "merchantA",
    input: (t) => ({ applicationId: t.credit.toAccept, idempotencyKey: "isolation-loan-accept-1" }),
  },
  "app/_actions/credit.ts#repayLoanAction": {
    roles: ["MERCHANT"],
    scope: "tenant",
    owner: "merchantA",
    input: (t) => ({ loanId: t.credit.loanToRepay, amount: "1.00", idempotencyKey: "isolation-loan-repay-1" }),
  },
  "app/_actions/credit.ts#reviewLoanAction": {
    roles: ["ADMIN"],
    scope: "tenant",
    owner: "admin",
    input: (t) => ({ applicationId: t.credit.toReview, decision: "DECLINE", note: "隔离测试" }),
  },
  "app/admin/fund/actions.ts#setFundRateAction": {
    roles: ["ADMIN"],
    scope: "tenant",
    owner: "admin",
    input: () => ({ enteredAs: "ANNUAL", annualPercent: "1.50", per10kYuan: "", effectiveFrom: platformDayOf(new Date()), reason: "隔离测试" }),
  },
  "app/buyer/orders/actions.ts#confirmReceiptAction": {
    roles: ["BUYER"],
    scope: "tenant",
    owner: "buyerA",
    input: (t) => ({ orderId: t.orders.shippedToConfirm.id, idempotencyKey: "isolation-confirm-1" }),
  },
  "app/buyer/orders/actions.ts#extendAction": {
    roles: ["BUYER"],
    scope: "tenant",
    owner: "buyerA",
    input: (t) => ({ orderId: t.orders.shippedToExtend.id }),
  },
  "app/buyer/orders/actions.ts#cancelOrderAction": {
    roles: ["BUYER"],
    scope: "tenant",
    owner: "buyerA",
    input: (t) => ({ orderId: t.orders.paidToCancel.id, idempotencyKey: "isolation-cancel-1" }),
  },
  "app/merchant/orders/actions.ts#createOrderAction": {
    roles: ["MERCHANT"],
    scope: "self",
    input: (t) => ({ "lines.0.name": "白茶", "lines.0.quantity": "1", "lines.0.unitPrice": "30.00", shipping: "0", ...forged(t) }),
    owner: "merchantA",
  },
  "app/merchant/orders/actions.ts#shipOrderAction": {
    roles: ["MERCHANT"],
    scope: "tenant",
    owner: "merchantA",
    input: (t) => ({ orderId: t.orders.paidToShip.id, carrier: "SF", trackingNo: "SF1234567890" }),
  },
  "app/merchant/orders/actions.ts#closeUnpaidOrderAction": {
    roles: ["MERCHANT"],
    scope: "tenant",
    owner: "merchantA",
    input: (t) => ({ orderId: t.orders.createdToClose.id }),
  },
  "app/merchant/orders/actions.ts#refundOrderAction": {
    roles: ["MERCHANT"],
    scope: "tenant",
    owner: "merchantA",
    input: (t) => ({ orderId: t.orders.paidToRefund.id, amount: "2.00", idempotencyKey: "isolation-refund-1" }),
  },
  "app/_actions/disputes.ts#openDisputeAction": {
    roles: ["BUYER"],
    scope: "tenant",
    owner: "buyerA",
    input: (t) => ({ orderId: t.orders.shippedToDispute.id, reason: "DAMAGED", amount: "5.00", description: "外包装破损严重", files: [file(PNG, "photo.png", "image/png")] }),
  },
  "app/_actions/disputes.ts#postDisputeMessageAction": {
    roles: ["BUYER", "MERCHANT", "ADMIN"],
    scope: "tenant",
    owner: "buyerA",
    alsoAllowed: ["merchantA", "admin"],
    input: (t) => ({ disputeId: t.disputes.toMessage, body: "补充一张照片", files: [file(PNG, "more.png", "image/png")] }),
  },
  "app/_actions/disputes.ts#merchantAcceptAction": {
    roles: ["BUYER", "MERCHANT", "ADMIN"],
    scope: "tenant",
    owner: "merchantA",
    input: (t) => ({ disputeId: t.disputes.toAccept, idempotencyKey: "isolation-accept-1" }),
  },
  "app/_actions/disputes.ts#merchantOfferAction": {
    roles: ["BUYER", "MERCHANT", "ADMIN"],
    scope: "tenant",
    owner: "merchantA",
    input: (t) => ({ disputeId: t.disputes.toOffer, amount: "10.00", body: "退一部分" }),
  },
  "app/_actions/disputes.ts#merchantContestAction": {
    roles: ["BUYER", "MERCHANT", "ADMIN"],
    scope: "tenant",
    owner: "merchantA",
    input: (t) => ({ disputeId: t.disputes.toContest, body: "已按描述发货，附发货照片" }),
  },
  "app/_actions/disputes.ts#buyerAcceptOfferAction": {
    roles: ["BUYER", "MERCHANT", "ADMIN"],
    scope: "tenant",
    owner: "buyerA",
    input: (t) => ({ disputeId: t.disputes.toAcceptOffer, idempotencyKey: "isolation-accept-offer-1" }),
  },
  "app/_actions/disputes.ts#buyerEscalateAction": {
    roles: ["BUYER", "MERCHANT", "ADMIN"],
    scope: "tenant",
    owner: "buyerA",
    input: (t) => ({ disputeId: t.disputes.toEscalate, body: "请平台介入" }),
  },
  "app/_actions/disputes.ts#buyerWithdrawAction": {
    roles: ["BUYER", "MERCHANT", "ADMIN"],
    scope: "tenant",
    owner: "buyerA",
    input: (t) => ({ disputeId: t.disputes.toWithdraw, idempotencyKey: "isolation-withdraw-dispute-1" }),
  },
  "app/_actions/disputes.ts#decideDisputeAction": {
    roles: ["ADMIN"],
    scope: "tenant",
    owner: "admin",
    input: (t) => ({ disputeId: t.disputes.toDecide, outcome: "REFUND_FULL", reasonCode: "EVIDENCE_SUPPORTS_BUYER", note: "证据支持买家", idempotencyKey: "isolation-decide-1" }),
  },
  "app/admin/merchants/[id]/actions.ts#decideAction": {
    roles: ["ADMIN"],
    scope: "tenant",
    owner: "admin",
    // The fixtures share identity details, so approving acknowledges the matches.
    input: (t) => ({ merchantId: t.merchantIds.submitted, decision: "APPROVE", riskLevel: "LOW", acknowledgeMatches: "on" }),
  },
  "app/admin/merchants/[id]/actions.ts#suspendAction": {
    roles: ["ADMIN"],
    scope: "tenant",
    owner: "admin",
    input: (t) => ({ merchantId: t.merchantIds.toSuspend, suspend: "true", reason: "风险排查" }),
  },
  "app/admin/settings/actions.ts#updateSettingAction": {
    roles: ["ADMIN"],
    scope: "tenant",
    owner: "admin",
    input: () => ({ key: "order.extendDays", value: "4" }),
  },
  "app/admin/users/actions.ts#createAdminAction": {
    roles: ["ADMIN"],
    scope: "tenant",
    owner: "admin",
    input: () => ({ email: "second-admin@test.anxin", name: "第二管理员", password: "a-long-enough-password", adminRole: "FINANCE" }),
  },
  "app/admin/users/actions.ts#setAdminRoleAction": {
    roles: ["ADMIN"],
    scope: "tenant",
    owner: "admin",
    input: (t) => ({ userId: t.extra.opsAdmin.userId, adminRole: "SUPPORT" }),
  },
  // Onboarding acts on the caller's own application; an id in the form names nothing.
  "app/merchant/onboarding/actions.ts#saveBusiness": { roles: ["MERCHANT"], scope: "self", input: (t) => ({ ...VALID_BUSINESS, ...forged(t) }), owner: "draftA" },
  "app/merchant/onboarding/actions.ts#saveRepresentative": { roles: ["MERCHANT"], scope: "self", input: (t) => ({ ...VALID_REPRESENTATIVE, ...forged(t) }), owner: "draftA" },
  "app/merchant/onboarding/actions.ts#saveSettlement": { roles: ["MERCHANT"], scope: "self", input: (t) => ({ ...VALID_SETTLEMENT, ...forged(t) }), owner: "draftA" },
  "app/merchant/onboarding/actions.ts#uploadOnboardingDocument": {
    roles: ["MERCHANT"],
    scope: "self",
    input: (t) => ({ kind: "ID_FRONT", file: file(JPEG, "front.jpg", "image/jpeg"), ...forged(t) }),
    owner: "draftA",
  },
  "app/merchant/onboarding/actions.ts#submitOnboarding": { roles: ["MERCHANT"], scope: "self", input: (t) => forged(t), owner: "draftA" },
  "app/merchant/onboarding/actions.ts#reapply": { roles: ["MERCHANT"], scope: "self", input: (t) => forged(t), positive: { as: (t) => t.extra.rejected } },
  // Account settings act on the caller's own account: each caller that may change its password changes its
  // own (the fixtures share one password), never the account named in the form. Buyer A keeps its password
  // for the sign-in control; a user of its own is the positive control.
  "app/_actions/account.ts#changePasswordAction": {
    roles: ["BUYER", "MERCHANT", "ADMIN"],
    scope: "self",
    input: (t) => ({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD, ...forged(t) }),
    owner: "buyerA",
    positive: { as: (t) => t.extra.changesPassword },
  },
  "app/_actions/account.ts#renameShopAction": { roles: ["MERCHANT"], scope: "self", input: (t) => ({ displayName: "改名后的茶舍", ...forged(t) }), owner: "merchantA" },
  // Anyone may ask for a reset link for any email; the link goes to that mailbox only (lib/auth/password-reset.test.ts).
  // An unknown email here, so the requests touch no account (past the per-email limit they are refused); the
  // positive control asks for a known one, whose link is written to the outbox.
  "app/(public)/forgot-password/actions.ts#forgotPasswordAction": {
    roles: "public",
    scope: "self",
    input: (t) => ({ email: "nobody-reset-isolation@test.anxin", ...forged(t) }),
    positive: { as: () => null, input: (t) => ({ email: t.extra.forgetsPassword.email }) },
  },
  // The link's token is the only key: a token no link has resets nothing for anyone, whatever user id or
  // email the form adds. The positive control uses a link made the real way (emailed by the delivery job).
  "app/(public)/reset-password/[token]/actions.ts#resetPasswordAction": {
    roles: "public",
    scope: "tenant",
    refusedWith: ["not_found"],
    input: (t) => ({ token: UNKNOWN_RESET_TOKEN, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD, email: t.emails.buyerA, ...forged(t) }),
    positive: { as: () => null, input: (t) => ({ token: t.resetToken, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }) },
  },
};

// Every export of every "use server" module, from the file tree.
const ACTIONS = new Map<string, Action>();
for (const module of serverActionModules()) {
  const exports = (await import(path.join(PROJECT_ROOT, module))) as Record<string, unknown>;
  for (const [name, value] of Object.entries(exports)) if (typeof value === "function") ACTIONS.set(`${module}#${name}`, value as Action);
}

let t: Tenants;
let owned: Map<string, Set<string>>;

beforeAll(async () => {
  await resetDatabase();
  t = await createTenants();
  owned = await idsOwnedBy(t.sessions);
}, 120_000);

const userOf = (caller: Caller) => (caller === "signedOut" ? null : t.sessions[caller]);

/** Ids of every other caller's rows (the caller's own, and rows it shares, excepted). */
function foreignIds(caller: Caller): string[] {
  const mine = owned.get(caller) ?? new Set<string>();
  return [...owned].filter(([other]) => other !== caller).flatMap(([, ids]) => [...ids].filter((id) => !mine.has(id)));
}

/** The first changed rows, shortened: enough to see what moved. */
const show = (changes: string[]) => `${changes.slice(0, 3).map((c) => c.slice(0, 200)).join("; ")}${changes.length > 3 ? ` (+${changes.length - 3} more)` : ""}`;

async function call(key: string, user: SessionUser | null, input: Record<string, unknown>) {
  currentUser = user;
  const before = await snapshot();
  let result: ActionResult<unknown>;
  try {
    result = await ACTIONS.get(key)!(null, input);
  } catch (error) {
    if (!(error instanceof Redirect)) throw error;
    result = { ok: true, data: { redirectedTo: error.to } };
  }
  return { result, changes: changedRows(before, await snapshot()) };
}

describe("server actions: the isolation table", () => {
  it("lists every exported server action, and nothing else", () => {
    expect(ACTIONS.size).toBeGreaterThan(20);
    expect([...ACTIONS.keys()].filter((key) => !(key in TABLE))).toEqual([]);
    expect(Object.keys(TABLE).filter((key) => !ACTIONS.has(key))).toEqual([]);
  });
});

describe("server actions refuse every caller but their owner, and change nothing", () => {
  for (const [key, entry] of Object.entries(TABLE)) {
    it(key, async () => {
      const problems: string[] = [];
      for (const caller of CALLERS) {
        if (caller === entry.owner || entry.alsoAllowed?.includes(caller)) continue;
        const user = userOf(caller);
        const permitted = entry.roles === "public" || (user !== null && entry.roles.includes(user.role));
        const { result, changes } = await call(key, user, entry.input(t));
        const code = result.ok ? "ok" : result.error.code;
        if (!permitted) {
          const expected = user ? "forbidden" : "unauthenticated";
          if (code !== expected) problems.push(`${caller}: expected ${expected}, got ${code}`);
          if (changes.length) problems.push(`${caller}: refused, yet changed ${show(changes)}`);
        } else if (entry.scope === "tenant") {
          const allowed = entry.refusedWith ?? ["not_found", "forbidden"];
          if (!allowed.includes(code)) problems.push(`${caller}: expected ${allowed.join("/")}, got ${code}`);
          if (changes.length) problems.push(`${caller}: refused, yet changed ${show(changes)}`);
        } else {
          // Its own data only: whatever the result, no row of anyone else appears, changes or disappears.
          if (code === "unexpected") problems.push(`${caller}: unexpected error`);
          const foreign = foreignIds(caller);
          const touched = changes.filter((row) => foreign.some((id) => row.includes(id)));
          if (touched.length) problems.push(`${caller}: changed another tenant's rows: ${show(touched)}`);
        }
      }
      expect(problems).toEqual([]);
    });
  }
});

describe("server actions: positive controls (the right caller succeeds, so the checks above can fail)", () => {
  for (const [key, entry] of Object.entries(TABLE)) {
    it(key, async () => {
      const user = entry.positive?.as ? entry.positive.as(t) : entry.owner ? userOf(entry.owner) : null;
      const input = entry.positive?.prepare ? await entry.positive.prepare(t) : (entry.positive?.input ?? entry.input)(t);
      const { result, changes } = await call(key, user, input);
      expect(result).toMatchObject({ ok: true });
      // A sign-in changes only the browser's cookie; every other action changes rows.
      if (!entry.positive?.changesNothing) expect(changes.length).toBeGreaterThan(0);
    });
  }
});

it("the fixture gives tenant A what the table aims at", async () => {
  expect(await prisma.merchantDocument.count({ where: { id: { in: t.documentIds } } })).toBe(3);
});
