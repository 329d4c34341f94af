import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { inTransaction, type Tx } from "@/lib/db/transaction";
import { decideDispute } from "@/lib/disputes/decide";
import { enforceDisputeDeadlines } from "@/lib/disputes/deadlines";
import { openDispute } from "@/lib/disputes/open";
import { buyerAcceptOffer, buyerEscalate, buyerWithdraw, merchantAccept, merchantRespond } from "@/lib/disputes/respond";
import { autoConfirmDue, confirmReceipt } from "@/lib/escrow/confirm-receipt";
import { createOrder } from "@/lib/escrow/create-order";
import { extendAutoConfirm } from "@/lib/escrow/extend";
import { escrowJobs } from "@/lib/escrow/jobs";
import { payOrder } from "@/lib/escrow/pay";
import { cancelOrder, refundOrder } from "@/lib/escrow/refund";
import { shipOrder } from "@/lib/escrow/ship";
import { isDomainError } from "@/lib/errors/domain-error";
import { redeemFromFund, settleDueRedemptions } from "@/lib/fund/redeem";
import { subscribeToFund } from "@/lib/fund/subscribe";
import { setAutoSweep, sweepIdleBalances } from "@/lib/fund/sweep";
import { verifyLedger } from "@/lib/ledger/verify";
import { DAY, HOUR, MINUTE, fixedClock } from "@/lib/time/clock";
import { prisma, resetDatabase } from "@/tests/db";
import { createUser } from "@/tests/fixtures";

/**
 * Chaos: many buyers, merchants and an admin act at once on the same orders, at random, with retries that reuse
 * an idempotency key, transactions aborted after their work, and the background jobs racing them while the
 * clock jumps past deadlines. Whatever happens, every refusal must be an expected (domain) error, and the
 * ledger must satisfy every invariant afterwards, the business rules included (no buyer receives more from an
 * order than they paid). Bounded by a count of operations, CHAOS_OPS (default 500; more for a longer run), and
 * a wall-clock cap; CHAOS_SEED replays a run's choices (the interleaving is the machine's).
 */
const OPERATIONS = Number(process.env.CHAOS_OPS ?? 500);
const MAX_SECONDS = Number(process.env.CHAOS_MAX_SECONDS ?? 90);
const SEED = Number(process.env.CHAOS_SEED ?? Math.floor(Math.random() * 2 ** 31));
const WORKERS = 6;

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Abort extends Error {}

type Order = { id: string; payToken: string; totalFen: bigint; merchant: Actor; buyer: Actor };

describe("chaos", () => {
  it(`concurrent random lifecycles, disputes, claims, retries, aborts and jobs keep every invariant (seed ${SEED})`, async () => {
    await resetDatabase();
    const random = prng(SEED);
    const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)];
    const amount = (max: bigint) => (max <= 0n ? 1n : 1n + BigInt(Math.floor(random() * Number(max))));
    const clock = fixedClock("2026-11-01T02:00:00Z");

    const merchants = await Promise.all([1, 2, 3].map(() => createUser("MERCHANT", { approved: true })));
    const buyers = await Promise.all([1, 2, 3, 4].map(() => createUser("BUYER", { balanceFen: 50_000_00n })));
    const admin = await createUser("ADMIN");
    // Half the buyers keep idle money in the fund: the nightly sweep and payments that reach into it race the rest.
    for (const b of buyers.slice(0, 2)) await inTransaction(prisma, (tx) => setAutoSweep(tx, b.actor, { enabled: true, floorFen: 10_000n }));
    const orders: Order[] = [];
    // Keys already used per (operation, order): a retry reuses one, as a double click or a lost answer would.
    const usedKeys = new Map<string, string>();
    const keyFor = (op: string, orderId: string) => {
      const name = `${op}:${orderId}`;
      if (usedKeys.has(name) && random() < 0.3) return usedKeys.get(name)!;
      const fresh = randomUUID();
      usedKeys.set(name, fresh);
      return fresh;
    };
    const unexpected: string[] = [];
    let done = 0;
    let refused = 0;
    let aborted = 0;

    const run = async (label: string, work: (tx: Tx) => Promise<unknown>) => {
      const abort = random() < 0.05;
      try {
        await inTransaction(prisma, async (tx) => {
          await work(tx);
          if (abort) throw new Abort();
        });
        done++;
      } catch (error) {
        if (error instanceof Abort) aborted++;
        else if (isDomainError(error)) refused++;
        else unexpected.push(`${label}: ${(error as Error)?.message?.split("\n").slice(-3).join(" ")}`);
      }
    };
    const latestDispute = async (orderId: string) =>
      (await prisma.dispute.findFirst({ where: { orderId }, orderBy: { createdAt: "desc" }, select: { id: true } }))?.id ?? "none";

    const dispute = (name: string, act: (tx: Tx, o: Order, disputeId: string) => Promise<unknown>) => async (o: Order) => {
      const d = await latestDispute(o.id);
      await run(name, (tx) => act(tx, o, d));
    };
    const ops = {
      pay: (o: Order) =>
        run("pay", (tx) => payOrder(tx, o.buyer, { token: o.payToken, idempotencyKey: keyFor("pay", o.id), source: pick(["WALLET", "FUND", "AUTO"] as const) }, clock)),
      subscribe: (o: Order) => run("fund.subscribe", (tx) => subscribeToFund(tx, o.buyer, { amountFen: amount(o.totalFen), idempotencyKey: keyFor("subscribe", o.id) })),
      redeem: (o: Order) => run("fund.redeem", (tx) => redeemFromFund(tx, o.buyer, { amountFen: amount(o.totalFen * 3n), idempotencyKey: keyFor("redeem", o.id) }, clock)),
      ship: (o: Order) => run("ship", (tx) => shipOrder(tx, o.merchant, o.id, { carrier: "SF", trackingNo: "SF12345678" }, clock)),
      confirm: (o: Order) => run("confirm", (tx) => confirmReceipt(tx, o.buyer, { orderId: o.id, idempotencyKey: keyFor("confirm", o.id) }, clock)),
      extend: (o: Order) => run("extend", (tx) => extendAutoConfirm(tx, o.buyer, o.id, clock)),
      refund: (o: Order) =>
        run("refund", (tx) => refundOrder(tx, o.merchant, { orderId: o.id, amountFen: amount(o.totalFen / 2n), idempotencyKey: keyFor("refund", o.id) }, clock)),
      cancel: (o: Order) => run("cancel", (tx) => cancelOrder(tx, o.buyer, { orderId: o.id, idempotencyKey: keyFor("cancel", o.id) }, clock)),
      dispute: (o: Order) =>
        run("dispute", (tx) => openDispute(tx, o.buyer, { orderId: o.id, reason: "DAMAGED", claimedFen: amount(o.totalFen), description: "包裹破损，内容缺失" }, clock)),
      merchantAccept: dispute("merchant.accept", (tx, o, d) => merchantAccept(tx, o.merchant, { disputeId: d, idempotencyKey: randomUUID() }, clock)),
      merchantOffer: dispute("merchant.offer", (tx, o, d) => merchantRespond(tx, o.merchant, d, { kind: "OFFER", amountFen: amount(o.totalFen / 2n) }, clock)),
      merchantContest: dispute("merchant.contest", (tx, o, d) => merchantRespond(tx, o.merchant, d, { kind: "CONTEST", body: "发货时完好无损" }, clock)),
      buyerAccept: dispute("buyer.accept", (tx, o, d) => buyerAcceptOffer(tx, o.buyer, { disputeId: d, idempotencyKey: randomUUID() }, clock)),
      buyerEscalate: dispute("buyer.escalate", (tx, o, d) => buyerEscalate(tx, o.buyer, d, "请平台处理", clock)),
      buyerWithdraw: dispute("buyer.withdraw", (tx, o, d) => buyerWithdraw(tx, o.buyer, { disputeId: d, idempotencyKey: randomUUID() }, clock)),
      adminDecide: dispute("admin.decide", (tx, _o, d) =>
        decideDispute(tx, admin.actor, { disputeId: d, idempotencyKey: randomUUID() }, { outcome: pick(["REFUND_FULL", "REFUND_PART", "RELEASE"] as const), amountFen: amount(_o.totalFen / 2n), reasonCode: "OTHER", note: "平台裁决" }, clock),
      ),
    };
    type Op = keyof typeof ops;
    const all = Object.keys(ops) as Op[];
    // Mostly what the order's state (read without a lock, so it may be stale by the time it runs) invites; now
    // and then anything at all.
    const plausible = async (o: Order): Promise<Op[]> => {
      const row = await prisma.order.findUniqueOrThrow({ where: { id: o.id }, select: { status: true } });
      const open = await prisma.dispute.findFirst({ where: { orderId: o.id, status: { in: ["OPEN", "AWAITING_BUYER", "ESCALATED"] } }, select: { status: true } });
      if (open?.status === "OPEN") return ["merchantAccept", "merchantOffer", "merchantContest", "buyerEscalate", "buyerWithdraw"];
      if (open?.status === "AWAITING_BUYER") return ["buyerAccept", "buyerEscalate", "buyerWithdraw"];
      if (open?.status === "ESCALATED") return ["adminDecide", "adminDecide", "merchantAccept"];
      switch (row.status) {
        case "CREATED": return ["pay", "pay", "pay", "subscribe", "redeem"];
        case "PAID": return ["ship", "ship", "refund", "cancel", "dispute"];
        case "SHIPPED": return ["confirm", "confirm", "refund", "dispute", "extend", "dispute"];
        case "COMPLETED": return ["dispute", "dispute", "merchantAccept", "adminDecide"];
        default: return all;
      }
    };

    const newOrder = async () => {
      const merchant = pick(merchants);
      const cents = 100 + Math.floor(random() * 50_000);
      const created = await inTransaction(prisma, (tx) =>
        createOrder(tx, merchant.actor, { lines: [{ name: "测试商品", quantity: 1, unitPrice: `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}` }] }, clock),
      );
      orders.push({ id: created.id, payToken: created.payToken, totalFen: created.totalFen, merchant: merchant.actor, buyer: pick(buyers).actor });
    };
    for (let i = 0; i < 12; i++) await newOrder();

    const jobs = escrowJobs(prisma, clock);
    const job = (name: string) => jobs.find((j) => j.name === name)!.handler;
    // The background jobs and the passing of time, racing the users: every few operations one actor moves the
    // clock and runs every sweep while the others go on.
    const backgroundStep = async () => {
      clock.advance(pick([10 * MINUTE, HOUR, 6 * HOUR, DAY]));
      for (const work of [
        () => autoConfirmDue(prisma, clock),
        () => enforceDisputeDeadlines(prisma, clock),
        () => job("escrow.release-reserves")(null),
        () => job("escrow.expire-unpaid")(null),
        () => settleDueRedemptions(prisma, clock),
        () => sweepIdleBalances(prisma),
      ]) {
        try {
          await work();
        } catch (error) {
          unexpected.push(`job: ${(error as Error)?.message?.split("\n").slice(-3).join(" ")}`);
        }
      }
    };
    const deadline = Date.now() + MAX_SECONDS * 1000;
    let attempts = 0;
    const actors = Array.from({ length: WORKERS }, async () => {
      while (attempts < OPERATIONS && Date.now() < deadline) {
        attempts++;
        if (attempts % 25 === 0) await backgroundStep();
        if (random() < 0.08) await newOrder();
        const order = pick(orders);
        const op = random() < 0.1 ? pick(all) : pick(await plausible(order));
        await ops[op](order);
      }
    });
    await Promise.all(actors);

    const violations = await verifyLedger(prisma);
    const claims = await prisma.dispute.count({ where: { afterCompletion: true } });
    const summary = `seed ${SEED}: ${attempts} operations: ${done} done, ${refused} refused, ${aborted} aborted; ${orders.length} orders, ${claims} after-sale claims`;
    console.log(`chaos ${summary}`);
    expect(unexpected, summary).toEqual([]);
    expect(violations, summary).toEqual([]);
    expect(done, "the run did real work").toBeGreaterThan(OPERATIONS / 10);
    expect(claims, "claims after completion were tried").toBeGreaterThan(0);
  }, (MAX_SECONDS + 60) * 1000);
});
