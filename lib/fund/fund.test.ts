import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { inTransaction } from "@/lib/db/transaction";
import { payOrder } from "@/lib/escrow/pay";
import { userBalance } from "@/lib/ledger/accounts";
import { verifyLedger } from "@/lib/ledger/verify";
import { DAY, fixedClock } from "@/lib/time/clock";
import { addDays, dateColumn, platformDayOf } from "@/lib/time/platform-day";
import { prisma, resetDatabase } from "@/tests/db";
import { newOrder } from "@/tests/escrow-fixtures";
import { createUser } from "@/tests/fixtures";
import { accrueFundYield } from "./accrue";
import { perTenThousandFromAnnualBps, sevenDayAnnualBps } from "./rates";
import { redeemFromFund, settleDueRedemptions } from "./redeem";
import { subscribeToFund } from "./subscribe";
import { setAutoSweep, sweepIdleBalances } from "./sweep";

const key = () => randomUUID();
const fund = (userId: string) => userBalance(prisma, userId, "FUND");
const subscribe = (actor: Actor, amountFen: bigint) =>
  inTransaction(prisma, (tx) => subscribeToFund(tx, actor, { amountFen, idempotencyKey: key() }));
/** A rate from a day on, written directly (the admin form is tested with the settings). */
const rateFrom = (day: string, per10kE4: bigint) =>
  prisma.fundRate.create({ data: { effectiveFrom: dateColumn(day), per10kE4, enteredAs: "PER_10K", reason: "test", createdById: "test" } });

describe("fund rates", () => {
  it("convert an annualised rate to the income per 10,000 units, and back to the 7-day annualised yield", () => {
    expect(perTenThousandFromAnnualBps(165)).toBe(452_055n); // 1.65% a year ≈ ¥0.4521 per 10,000 units a day
    expect(sevenDayAnnualBps(Array(7).fill(452_055n))).toBe(165);
    expect(sevenDayAnnualBps([])).toBe(0);
  });

  it("read back an annualised rate as itself: 1.75% converts down to ¥0.4795 per 10,000 units and still reads 1.75% (rounded half up)", () => {
    expect(perTenThousandFromAnnualBps(175)).toBe(479_452n); // 479,452.05…: rounded down to the 0.0001 fen
    expect(sevenDayAnnualBps(Array(7).fill(479_452n))).toBe(175);
    expect(sevenDayAnnualBps(Array(7).fill(perTenThousandFromAnnualBps(180)))).toBe(180);
  });
});

describe("the fund", () => {
  beforeEach(resetDatabase);

  it("subscribes and redeems once per idempotency key; a merchant in onboarding may not", async () => {
    const buyer = await createUser("BUYER", { balanceFen: 100_000n });
    const k = key();
    const twice = await Promise.all([1, 2].map(() => inTransaction(prisma, (tx) => subscribeToFund(tx, buyer.actor, { amountFen: 30_000n, idempotencyKey: k }))));
    expect(twice.filter((r) => r.replayed)).toHaveLength(1);
    expect(await fund(buyer.id)).toBe(30_000n);
    expect(await userBalance(prisma, buyer.id)).toBe(70_000n);
    await expect(subscribe(buyer.actor, 70_001n)).rejects.toMatchObject({ code: "insufficient_funds" });
    await inTransaction(prisma, (tx) => redeemFromFund(tx, buyer.actor, { amountFen: 10_000n, idempotencyKey: key() }));
    expect(await fund(buyer.id)).toBe(20_000n);
    const draft = await createUser("MERCHANT", { balanceFen: 0n });
    await expect(subscribe(draft.actor, 100n)).rejects.toMatchObject({ code: "merchant_not_approved" });
    expect(await verifyLedger(prisma)).toEqual([]);
  });

  it("redeems up to the day's instant cap at once; the rest arrives the next day; the cap holds under concurrency", async () => {
    const clock = fixedClock(new Date());
    const buyer = await createUser("BUYER", { balanceFen: 5_000_000n });
    await subscribe(buyer.actor, 4_000_000n);
    const results = await Promise.all(
      [1, 2, 3].map(() => inTransaction(prisma, (tx) => redeemFromFund(tx, buyer.actor, { amountFen: 600_000n, idempotencyKey: key() }, clock))),
    );
    // ¥10,000 cap: ¥6,000 + ¥4,000 at once, everything else tomorrow, whatever the order they ran in.
    expect(results.reduce((s, r) => s + r.result.instantFen, 0n)).toBe(1_000_000n);
    expect(results.reduce((s, r) => s + r.result.pendingFen, 0n)).toBe(800_000n);
    expect(await userBalance(prisma, buyer.id)).toBe(1_000_000n + 1_000_000n);
    expect(await userBalance(prisma, buyer.id, "FUND_PENDING")).toBe(800_000n);
    expect(await settleDueRedemptions(prisma, clock)).toMatchObject({ due: 0 });
    clock.advance(DAY);
    expect(await settleDueRedemptions(prisma, clock)).toMatchObject({ due: 2, done: 2, failed: 0 });
    expect(await settleDueRedemptions(prisma, clock)).toMatchObject({ due: 0 });
    expect(await userBalance(prisma, buyer.id)).toBe(2_800_000n);
    // A new day, a new cap.
    const next = await inTransaction(prisma, (tx) => redeemFromFund(tx, buyer.actor, { amountFen: 1_000_000n, idempotencyKey: key() }, clock));
    expect(next.result).toMatchObject({ instantFen: 1_000_000n, pendingFen: 0n });
    expect(await verifyLedger(prisma)).toEqual([]);
  });

  it("pays an order from the fund, or from the wallet with the fund covering the rest, in one journal", async () => {
    const merchant = await createUser("MERCHANT", { approved: true });
    const buyer = await createUser("BUYER", { balanceFen: 30_000n });
    await subscribe(buyer.actor, 20_000n);
    const a = await newOrder(merchant.actor, "50.00");
    await payOrder(prisma, buyer.actor, { token: a.payToken, idempotencyKey: key(), source: "FUND" });
    expect([await userBalance(prisma, buyer.id), await fund(buyer.id)]).toEqual([10_000n, 15_000n]);
    const b = await newOrder(merchant.actor, "180.00");
    const paid = await payOrder(prisma, buyer.actor, { token: b.payToken, idempotencyKey: key(), source: "AUTO" });
    expect(paid.result).toMatchObject({ amountFen: 18_000n, fromFundFen: 8_000n });
    expect([await userBalance(prisma, buyer.id), await fund(buyer.id)]).toEqual([0n, 7_000n]);
    expect(await prisma.journal.count({ where: { kind: "ESCROW_PAY" } })).toBe(2);
    const c = await newOrder(merchant.actor, "80.00");
    await expect(payOrder(prisma, buyer.actor, { token: c.payToken, idempotencyKey: key(), source: "AUTO" })).rejects.toMatchObject({ code: "insufficient_funds" });
    expect((await prisma.order.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("CREATED");
    expect(await verifyLedger(prisma)).toEqual([]);
  });

  it("auto-sweep moves the wallet above the floor into the fund each night, and a payment takes what the wallet lacks from the fund", async () => {
    const merchant = await createUser("MERCHANT", { approved: true });
    const buyer = await createUser("BUYER", { balanceFen: 50_000n });
    await inTransaction(prisma, (tx) => setAutoSweep(tx, buyer.actor, { enabled: true, floorFen: 5_000n }));
    expect(await sweepIdleBalances(prisma)).toMatchObject({ done: 1, failed: 0 });
    expect(await sweepIdleBalances(prisma)).toMatchObject({ done: 0 });
    expect([await userBalance(prisma, buyer.id), await fund(buyer.id)]).toEqual([5_000n, 45_000n]);
    const order = await newOrder(merchant.actor, "120.00");
    await payOrder(prisma, buyer.actor, { token: order.payToken, idempotencyKey: key(), source: "AUTO" });
    expect([await userBalance(prisma, buyer.id), await fund(buyer.id)]).toEqual([0n, 38_000n]);
    const journal = await prisma.journal.findFirstOrThrow({ where: { kind: "FUND_SWEEP" }, include: { postings: true } });
    expect(journal.postings.map((p) => p.amount).sort()).toEqual([-45_000n, 45_000n]);
    expect(await verifyLedger(prisma)).toEqual([]);
  });
});

describe("daily yield", () => {
  beforeEach(resetDatabase);

  it("starts the day after a subscription (T+1), credits each day once, and catches up missed days in order", async () => {
    const clock = fixedClock(new Date());
    const today = platformDayOf(clock.now());
    await rateFrom(addDays(today, -30), 450_000n); // ¥0.45 per 10,000 units a day
    await rateFrom(addDays(today, 2), 500_000n);
    const buyer = await createUser("BUYER", { balanceFen: 4_000_000n });
    await subscribe(buyer.actor, 4_000_000n); // ¥40,000: 4 × 10,000 units
    clock.advance(DAY);
    expect(await accrueFundYield(prisma, clock)).toEqual({ accrued: [today], skipped: [] });
    expect(await fund(buyer.id)).toBe(4_000_000n); // today's subscription earned nothing today
    clock.advance(3 * DAY); // the worker was down for three days
    const run = await accrueFundYield(prisma, clock);
    expect(run.accrued).toEqual([addDays(today, 1), addDays(today, 2), addDays(today, 3)]);
    // Day 1: 4 × 45 fen = 180 fen. Day 2, at ¥0.50, on ¥40,001.80: 4.00018 × 50 = 200.009 fen → 200, 0.009 carried.
    // Day 3 on ¥40,003.80: 200.019 + 0.009 → 200, 0.028 carried.
    const yields = await prisma.fundYield.findMany({ where: { userId: buyer.id }, orderBy: { day: "asc" } });
    expect(yields.map((y) => y.yieldFen)).toEqual([180n, 200n, 200n]);
    expect((await prisma.fundHolder.findUniqueOrThrow({ where: { userId: buyer.id } })).carryE10).toBe(280_000_000n);
    expect(await accrueFundYield(prisma, clock)).toEqual({ accrued: [], skipped: [] });
    const concurrent = await Promise.all([accrueFundYield(prisma, clock), accrueFundYield(prisma, clock)]);
    expect(concurrent.flatMap((r) => r.accrued)).toEqual([]);
    expect(await fund(buyer.id)).toBe(4_000_000n + 580n);
    expect(await verifyLedger(prisma)).toEqual([]);
  });

  it("a holder earns on what stayed the whole day: money redeemed or spent that day does not earn, nor money subscribed that day", async () => {
    const buyer = await createUser("BUYER", { balanceFen: 200_000n });
    await subscribe(buyer.actor, 100_000n);
    const [{ start }] = await prisma.$queryRaw<{ start: Date }[]>`SELECT now() AS start`;
    await new Promise((r) => setTimeout(r, 20));
    await inTransaction(prisma, (tx) => redeemFromFund(tx, buyer.actor, { amountFen: 40_000n, idempotencyKey: key() }));
    await subscribe(buyer.actor, 10_000n);
    const [{ end }] = await prisma.$queryRaw<{ end: Date }[]>`SELECT now() + interval '1 second' AS end`;
    // A day that began after the first subscription: it held 100,000 at the start, dipped to 60,000, ended at 70,000.
    await prisma.$queryRaw`SELECT fund_accrue_day('2030-01-01'::date, ${start}, ${end}, 1000000::bigint)`;
    const [y] = await prisma.fundYield.findMany({ where: { userId: buyer.id } });
    // The least of 70,000 at the end and 100,000 at the start: 700 units at ¥1.00 per 10,000 units = 7 fen.
    expect(y).toMatchObject({ eligibleFen: 70_000n, yieldFen: 7n });
    expect(await prisma.$queryRaw`SELECT fund_accrue_day('2030-01-01'::date, ${start}, ${end}, 1000000::bigint) AS again`).toEqual([{ again: false }]);
  });

  it("rounds exactly: each holder gets whole fen, the rest is carried, and credited + carried = the income to the 1e-10 fen (property)", async () => {
    const clock = fixedClock(new Date());
    const today = platformDayOf(clock.now());
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 5_000_000 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.bigInt({ min: 0n, max: 2_000_000n }), { minLength: 1, maxLength: 8 }),
        async (balances, rates) => {
          await resetDatabase();
          for (const [i, rate] of rates.entries()) await rateFrom(addDays(today, i + 1), rate);
          await rateFrom(today, 0n);
          const holders = [];
          for (const fen of balances) {
            const user = await prisma.user.create({ data: { email: `${randomUUID()}@h.test`, name: "h", passwordHash: "x", role: "BUYER" } });
            await prisma.$queryRaw`SELECT * FROM ledger_post('TEST_SUBSCRIBE', NULL, NULL, NULL, NULL,
              ARRAY[ledger_platform_account('BANK_CLEARING'), ledger_user_account(${user.id}, 'FUND')], ARRAY[${-BigInt(fen)}, ${BigInt(fen)}]::bigint[])`;
            holders.push({ id: user.id, balance: BigInt(fen), carry: 0n, credited: 0n });
          }
          const run = await accrueFundYield(prisma, fixedClock(new Date(clock.now().getTime() + (rates.length + 1) * DAY)));
          expect(run.accrued).toHaveLength(rates.length + 1);
          // The same rule in TypeScript: day by day, balance × rate + carry, split into fen and a carried rest.
          let income = 0n;
          for (const rate of rates) {
            for (const h of holders) {
              const exact = h.balance * rate + h.carry;
              income += h.balance * rate;
              h.credited += exact / 10_000_000_000n;
              h.carry = exact % 10_000_000_000n;
              h.balance += exact / 10_000_000_000n;
            }
          }
          const stored = await prisma.fundHolder.findMany();
          for (const h of holders) {
            expect(stored.find((s) => s.userId === h.id)).toMatchObject({ carryE10: h.carry, yieldTotalFen: h.credited });
            expect(await fund(h.id)).toBe(h.balance);
          }
          const days = await prisma.fundDay.findMany();
          expect(days.reduce((s, d) => s + d.incomeE10, 0n)).toBe(income);
          const credited = days.reduce((s, d) => s + d.creditedFen, 0n);
          expect(credited * 10_000_000_000n + holders.reduce((s, h) => s + h.carry, 0n)).toBe(income);
          expect(await verifyLedger(prisma)).toEqual([]);
        },
      ),
      { numRuns: 12 },
    );
  }, 120_000);
});
