import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/actions/result";
import { choosePaySource } from "@/lib/fund/pay-choice";
import { formatBps, formatPer10k } from "@/lib/fund/format";
import { userBalance } from "@/lib/ledger/accounts";
import { addDays, platformDayOf } from "@/lib/time/platform-day";
import { prisma, resetDatabase } from "@/tests/db";
import { newOrder } from "@/tests/escrow-fixtures";
import { createUser } from "@/tests/fixtures";

/**
 * The fund's server actions as a form calls them: real parsing, real domain code and database, the English
 * catalog. Only the session and revalidatePath (which need a Next.js request) are replaced.
 */
let currentUser: SessionUser | null = null;
vi.mock("server-only", () => ({}));
vi.mock("@/lib/auth/session", () => ({ getSession: async () => currentUser }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next-intl/server", () => {
  const messages = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../messages/en.json"), "utf8"));
  return { getTranslations: async () => createTranslator({ locale: "en", messages }) };
});

const { subscribeAction, redeemAction, setAutoSweepAction } = await import("@/app/_actions/fund");
const { setFundRateAction } = await import("@/app/admin/fund/actions");
const { payOrderAction } = await import("@/app/buyer/orders/actions");

type Call = (state: null, input: Record<string, unknown>) => Promise<ActionResult<unknown>>;
const call = (action: unknown, input: Record<string, unknown>) => (action as Call)(null, input);
const key = () => randomUUID();

async function signIn(role: "BUYER" | "MERCHANT" | "ADMIN", options: Parameters<typeof createUser>[1] = {}) {
  const user = await createUser(role, options);
  currentUser = { userId: user.id, role, adminRole: user.actor.adminRole, email: user.email, name: user.name };
  return user;
}

const fieldError = (result: ActionResult<unknown>, field: string) => (result.ok ? undefined : result.error.fieldErrors?.[field]);

describe("fund actions: subscribe and redeem", () => {
  beforeEach(resetDatabase);

  it("amounts go through the one yuan parser: each malformed amount gets its own message on the amount field and moves nothing", async () => {
    const buyer = await signIn("BUYER", { balanceFen: 100_000n });
    const cases: [string, string][] = [
      ["", "Amount is required."],
      ["1,00", "as a number"],
      ["-5", "greater than 0"],
      ["1e3", "as a number"],
      ["0.001", "two decimal"],
      ["0", "greater than 0"],
      ["2000000", "¥1,000,000.00"],
    ];
    for (const [amount, message] of cases) {
      const result = await call(subscribeAction, { amount, idempotencyKey: key() });
      expect(fieldError(result, "amount"), amount).toContain(message);
    }
    expect(await userBalance(prisma, buyer.id, "FUND")).toBe(0n);
    // Full-width digits and a yuan sign are the same amount.
    expect(await call(subscribeAction, { amount: "￥１２．５", idempotencyKey: key() })).toMatchObject({ ok: true, data: { amountFen: 1_250n, fundBalanceFen: 1_250n } });
  });

  it("more than the wallet holds, or than the fund holds, is an error on the amount that names the account", async () => {
    const buyer = await signIn("BUYER", { balanceFen: 10_000n });
    const tooMuch = await call(subscribeAction, { amount: "100.01", idempotencyKey: key() });
    expect(fieldError(tooMuch, "amount")).toMatch(/wallet holds less/);
    expect(await call(subscribeAction, { amount: "100.00", idempotencyKey: key() })).toMatchObject({ ok: true });
    const overdraw = await call(redeemAction, { amount: "100.01", idempotencyKey: key() });
    expect(fieldError(overdraw, "amount")).toMatch(/fund holds less/);
    expect([await userBalance(prisma, buyer.id), await userBalance(prisma, buyer.id, "FUND")]).toEqual([0n, 10_000n]);
  });

  it("a redemption says which part arrived at once and when the rest arrives, the same when retried with its key", async () => {
    await signIn("BUYER", { balanceFen: 1_500_000n });
    await call(subscribeAction, { amount: "15,000.00", idempotencyKey: key() });
    const k = key();
    const first = await call(redeemAction, { amount: "12000", idempotencyKey: k });
    const tomorrow = addDays(platformDayOf(new Date()), 1);
    expect(first).toMatchObject({ ok: true, data: { instantFen: 1_000_000n, pendingFen: 200_000n, replayed: false } });
    const arrivesAt = (first as { data: { arrivesAt: string } }).data.arrivesAt;
    expect(platformDayOf(new Date(arrivesAt))).toBe(tomorrow);
    const again = await call(redeemAction, { amount: "12000", idempotencyKey: k });
    expect(again).toEqual({ ok: true, data: { instantFen: 1_000_000n, pendingFen: 200_000n, arrivesAt, replayed: true } });
    // The cap is used up for today: all of the next one waits for tomorrow.
    expect(await call(redeemAction, { amount: "1", idempotencyKey: key() })).toMatchObject({ ok: true, data: { instantFen: 0n, pendingFen: 100n } });
  });

  it("a merchant not yet approved is told why, and nothing is created", async () => {
    await signIn("MERCHANT", { balanceFen: 10_000n });
    const result = await call(subscribeAction, { amount: "10.00", idempotencyKey: key() });
    expect(result).toMatchObject({ ok: false, error: { code: "merchant_not_approved" } });
    expect(await prisma.fundHolder.count()).toBe(0);
  });
});

describe("fund actions: auto-sweep", () => {
  beforeEach(resetDatabase);

  it("reads the checkbox as browsers send it (present or absent) and the floor as yuan, empty being ¥0.00", async () => {
    const buyer = await signIn("BUYER");
    expect(await call(setAutoSweepAction, { enabled: "on", floor: "1,000.50" })).toEqual({ ok: true, data: { enabled: true, floorFen: 100_050n } });
    expect(await call(setAutoSweepAction, { floor: "" })).toEqual({ ok: true, data: { enabled: false, floorFen: 0n } });
    expect(await call(setAutoSweepAction, { enabled: "on" })).toEqual({ ok: true, data: { enabled: true, floorFen: 0n } });
    expect(fieldError(await call(setAutoSweepAction, { enabled: "on", floor: "-1" }), "floor")).toMatch(/0 or more/);
    expect(fieldError(await call(setAutoSweepAction, { enabled: "on", floor: "abc" }), "floor")).toMatch(/as a number/);
    expect(fieldError(await call(setAutoSweepAction, { enabled: "on", floor: "99999999" }), "floor")).toMatch(/at most ¥1,000,000.00/);
    expect(fieldError(await call(setAutoSweepAction, { enabled: "yes", floor: "1" }), "enabled")).toBeTruthy();
    expect(await prisma.fundHolder.findUniqueOrThrow({ where: { userId: buyer.id } })).toMatchObject({ sweepEnabled: true, sweepFloorFen: 0n });
  });
});

describe("fund actions: the rate form", () => {
  beforeEach(resetDatabase);
  const today = () => platformDayOf(new Date());
  const form = (over: Record<string, string>) => ({ enteredAs: "ANNUAL", annualPercent: "1.75", per10kYuan: "", effectiveFrom: today(), reason: "季度调整", ...over });

  it("takes either an annualised percent or the income per 10,000 units; the field not chosen may be empty", async () => {
    await signIn("ADMIN");
    expect(await call(setFundRateAction, form({}))).toMatchObject({ ok: true, data: { per10kE4: 479_452n } });
    expect(await call(setFundRateAction, form({ enteredAs: "PER_10K", annualPercent: "", per10kYuan: " 0.4512 " }))).toMatchObject({ ok: true, data: { per10kE4: 451_200n } });
    const rows = await prisma.fundRate.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.enteredAs, r.annualRateBps, r.reason])).toEqual([
      ["ANNUAL", 175, "季度调整"],
      ["PER_10K", null, "季度调整"],
    ]);
    expect(await prisma.auditLog.count({ where: { action: "fund.rate_set" } })).toBe(2);
  });

  it("each mistake is a message on its own field, and nothing is stored", async () => {
    await signIn("ADMIN");
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ annualPercent: "" }, "annualPercent", /annualised yield/i],
      [{ annualPercent: "1.755" }, "annualPercent", /annualised yield/i],
      [{ annualPercent: "abc" }, "annualPercent", /annualised yield/i],
      [{ enteredAs: "PER_10K", per10kYuan: "" }, "per10kYuan", /per 10,000 units/i],
      [{ enteredAs: "PER_10K", per10kYuan: "0.45125" }, "per10kYuan", /per 10,000 units/i],
      [{ enteredAs: "BOTH" }, "enteredAs", /not valid/i],
      [{ effectiveFrom: "2026-02-31" }, "effectiveFrom", /date/i],
      [{ effectiveFrom: "tomorrow" }, "effectiveFrom", /date/i],
      [{ effectiveFrom: addDays(today(), -1) }, "effectiveFrom", /days already accrued/],
      [{ reason: "  " }, "reason", /reason/i],
    ];
    for (const [over, field, message] of cases) {
      const result = await call(setFundRateAction, form(over));
      expect(fieldError(result, field), JSON.stringify(over)).toMatch(message);
    }
    expect(await prisma.fundRate.count()).toBe(0);
  });
});

describe("paying an order: the source", () => {
  beforeEach(resetDatabase);

  it("a form without a source pays from the wallet; WALLET, FUND and AUTO are the only sources", async () => {
    const merchant = await createUser("MERCHANT", { approved: true });
    const buyer = await signIn("BUYER", { balanceFen: 30_000n });
    await call(subscribeAction, { amount: "200", idempotencyKey: key() });
    const bogus = await newOrder(merchant.actor, "10.00");
    expect(fieldError(await call(payOrderAction, { token: bogus.payToken, idempotencyKey: key(), source: "BANK" }), "source")).toMatch(/Choose how to pay/);
    expect(await call(payOrderAction, { token: bogus.payToken, idempotencyKey: key() })).toMatchObject({ ok: true });
    const split = await newOrder(merchant.actor, "150.00");
    expect(await call(payOrderAction, { token: split.payToken, idempotencyKey: key(), source: "AUTO" })).toMatchObject({ ok: true });
    expect([await userBalance(prisma, buyer.id), await userBalance(prisma, buyer.id, "FUND")]).toEqual([0n, 14_000n]);
    const paid = await prisma.orderEvent.findFirstOrThrow({ where: { orderId: split.id, type: "paid" } });
    expect(paid.data).toMatchObject({ amount: "15000", fromWallet: "9000", fromFund: "6000" });
  });

  it("offers the wallet when it covers the order, else wallet + fund when together they do, and AUTO first with auto-sweep on", () => {
    expect(choosePaySource(100n, 100n, 0n, false)).toEqual({ covers: { WALLET: true, FUND: false, AUTO: true }, preferred: "WALLET" });
    expect(choosePaySource(100n, 40n, 60n, false)).toEqual({ covers: { WALLET: false, FUND: false, AUTO: true }, preferred: "AUTO" });
    expect(choosePaySource(100n, 0n, 500n, false).preferred).toBe("AUTO");
    expect(choosePaySource(100n, 500n, 500n, true).preferred).toBe("AUTO");
    expect(choosePaySource(100n, 30n, 60n, true)).toEqual({ covers: { WALLET: false, FUND: false, AUTO: false }, preferred: null });
  });
});

describe("fund figures", () => {
  it("show the income per 10,000 units in yuan to 4 decimals (half up) and yields as percents", () => {
    expect(formatPer10k(479_452n)).toBe("¥0.4795");
    expect(formatPer10k(451_200n)).toBe("¥0.4512");
    expect(formatPer10k(449_950n)).toBe("¥0.4500");
    expect(formatPer10k(449_949n)).toBe("¥0.4499");
    expect(formatPer10k(12_345_678n)).toBe("¥12.3457");
    expect(formatPer10k(0n)).toBe("¥0.0000");
    expect([formatBps(175), formatBps(5), formatBps(0), formatBps(1234)]).toEqual(["1.75%", "0.05%", "0.00%", "12.34%"]);
  });
});
