import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { inTransaction } from "@/lib/db/transaction";
import { confirmReceipt } from "@/lib/escrow/confirm-receipt";
import { cancelOrder, refundOrder } from "@/lib/escrow/refund";
import type { DisputeStatus } from "@/lib/generated/prisma/enums";
import { userBalance } from "@/lib/ledger/accounts";
import { verifyLedger } from "@/lib/ledger/verify";
import { DAY, fixedClock, type Clock } from "@/lib/time/clock";
import { prisma, resetDatabase } from "@/tests/db";
import { completedOrder, key, paidOrder, shippedOrder } from "@/tests/escrow-fixtures";
import { createUser } from "@/tests/fixtures";
import { PNG } from "@/tests/onboarding-fixtures";
import { getDisputeForParty } from "./access";
import { merchantDisputeRates, readDisputeFile } from "./queries";
import { decideDispute } from "./decide";
import { enforceDisputeDeadlines } from "./deadlines";
import { openDispute } from "./open";
import { buyerAcceptOffer, buyerEscalate, buyerWithdraw, merchantAccept, merchantRespond, postDisputeMessage } from "./respond";
import { disputeStates } from "./states";

async function setup(buyerFen = 100_000n) {
  const merchant = await createUser("MERCHANT", { approved: true });
  const buyer = await createUser("BUYER", { balanceFen: buyerFen });
  const admin = await createUser("ADMIN");
  return { merchant, buyer, admin };
}
const open = (buyer: { actor: Actor }, orderId: string, claimedFen: bigint, clock?: Clock) =>
  inTransaction(prisma, (tx) => openDispute(tx, buyer.actor, { orderId, reason: "DAMAGED", claimedFen, description: "外包装破损，茶叶洒了一半", files: [{ bytes: PNG, name: "photo.png" }] }, clock));
const order = (id: string) => prisma.order.findUniqueOrThrow({ where: { id } });
const fee = async () => (await prisma.ledgerAccount.findUnique({ where: { code: "platform:PLATFORM_FEE:CNY" } }))?.balance ?? 0n;

describe("dispute state machine", () => {
  it("allows exactly the listed transitions", () => {
    const all: DisputeStatus[] = ["OPEN", "AWAITING_BUYER", "ESCALATED", "RESOLVED_BUYER", "RESOLVED_MERCHANT", "RESOLVED_SPLIT", "WITHDRAWN"];
    const allowed = new Set([
      "OPEN>AWAITING_BUYER", "OPEN>RESOLVED_BUYER", "OPEN>ESCALATED", "OPEN>WITHDRAWN",
      "AWAITING_BUYER>RESOLVED_SPLIT", "AWAITING_BUYER>ESCALATED", "AWAITING_BUYER>WITHDRAWN", "AWAITING_BUYER>RESOLVED_MERCHANT",
      "ESCALATED>RESOLVED_BUYER", "ESCALATED>RESOLVED_SPLIT", "ESCALATED>RESOLVED_MERCHANT",
    ]);
    for (const from of all) for (const to of all) expect(disputeStates.can(from, to), `${from}→${to}`).toBe(allowed.has(`${from}>${to}`));
  });
});

describe("disputes", () => {
  beforeEach(resetDatabase);

  it("opening freezes the order: no confirm, no auto-confirm, no refund outside the dispute; one open dispute per order", async () => {
    const clock = fixedClock("2026-11-01T00:00:00Z");
    const { merchant, buyer } = await setup();
    const o = await shippedOrder(merchant.actor, buyer.actor, "100.00", clock);
    clock.advance(2 * DAY);
    const dispute = await open(buyer, o.id, 10_000n, clock);
    expect((await order(o.id)).status).toBe("DISPUTED");
    expect(dispute.frozenRemainingMs).toBe(BigInt(8 * DAY));
    await expect(inTransaction(prisma, (tx) => confirmReceipt(tx, buyer.actor, { orderId: o.id, idempotencyKey: key() }, clock))).rejects.toMatchObject({ code: "invalid_transition" });
    await expect(inTransaction(prisma, (tx) => refundOrder(tx, merchant.actor, { orderId: o.id, amountFen: 100n, idempotencyKey: key() }))).rejects.toMatchObject({ code: "invalid_transition" });
    await expect(open(buyer, o.id, 100n, clock)).rejects.toMatchObject({ messageKey: "errors.dispute_exists" });
    await expect(open(buyer, o.id, 20_000n, clock)).rejects.toMatchObject({ code: "invalid_transition" });
    expect(await prisma.disputeFile.count({ where: { disputeId: dispute.id } })).toBe(1);
  });

  it("the claim cannot exceed what escrow holds; evidence is checked by its bytes, size and count", async () => {
    const { merchant, buyer } = await setup();
    const o = await shippedOrder(merchant.actor, buyer.actor, "100.00");
    await expect(open(buyer, o.id, 10_001n)).rejects.toMatchObject({ messageKey: "errors.claim_too_much" });
    const tooBig = [{ bytes: new Uint8Array(2 * 1024 * 1024 + 1).fill(0xff), name: "big.jpg" }];
    const base = { orderId: o.id, reason: "DAMAGED" as const, claimedFen: 100n, description: "photos attached" };
    await expect(inTransaction(prisma, (tx) => openDispute(tx, buyer.actor, { ...base, files: tooBig }))).rejects.toMatchObject({ messageKey: "validation.evidence.tooLarge" });
    const tooMany = Array.from({ length: 11 }, (_, i) => ({ bytes: PNG, name: `p${i}.png` }));
    await expect(inTransaction(prisma, (tx) => openDispute(tx, buyer.actor, { ...base, files: tooMany }))).rejects.toMatchObject({ messageKey: "validation.evidence.tooMany" });
    const fake = [{ bytes: new TextEncoder().encode("not really a picture"), name: "x.png" }];
    await expect(inTransaction(prisma, (tx) => openDispute(tx, buyer.actor, { ...base, files: fake }))).rejects.toMatchObject({ messageKey: "validation.file.type" });
    expect((await order(o.id)).status).toBe("SHIPPED");
    expect(await prisma.dispute.count()).toBe(0);
  });

  it("the merchant accepts: the claim is refunded, the rest released; buyer + merchant + fee add up to what was paid", async () => {
    const { merchant, buyer } = await setup();
    const o = await shippedOrder(merchant.actor, buyer.actor, "100.00");
    const d = await open(buyer, o.id, 3_000n);
    await inTransaction(prisma, (tx) => merchantAccept(tx, merchant.actor, { disputeId: d.id, idempotencyKey: randomUUID() }));
    expect((await prisma.dispute.findUniqueOrThrow({ where: { id: d.id } })).status).toBe("RESOLVED_BUYER");
    const after = await order(o.id);
    expect(after.status).toBe("COMPLETED");
    expect(await userBalance(prisma, buyer.id)).toBe(93_000n);
    const merchantGot = (await userBalance(prisma, merchant.id)) + (await userBalance(prisma, merchant.id, "RESERVE"));
    expect(3_000n + merchantGot + (await fee())).toBe(10_000n);
    expect(await verifyLedger(prisma)).toEqual([]);
  });

  it("a retried accept or decision (same idempotency key) returns the first result and moves money once", async () => {
    const { merchant, buyer, admin } = await setup();
    const a = await shippedOrder(merchant.actor, buyer.actor, "100.00");
    const da = await open(buyer, a.id, 3_000n);
    const acceptKey = randomUUID();
    const accepts = await Promise.all([1, 2].map(() => inTransaction(prisma, (tx) => merchantAccept(tx, merchant.actor, { disputeId: da.id, idempotencyKey: acceptKey }))));
    expect(accepts.map((r) => r.result)).toEqual([
      { status: "RESOLVED_BUYER", refundFen: 3_000n },
      { status: "RESOLVED_BUYER", refundFen: 3_000n },
    ]);
    expect(accepts.filter((r) => r.replayed)).toHaveLength(1);
    const b = await shippedOrder(merchant.actor, buyer.actor, "100.00");
    const db = await open(buyer, b.id, 10_000n);
    await inTransaction(prisma, (tx) => buyerEscalate(tx, buyer.actor, db.id));
    const decision = { outcome: "REFUND_PART" as const, amountFen: 2_000n, reasonCode: "OTHER" as const, note: "重复提交" };
    const decideKey = randomUUID();
    const decisions = await Promise.all([1, 2].map(() => inTransaction(prisma, (tx) => decideDispute(tx, admin.actor, { disputeId: db.id, idempotencyKey: decideKey }, decision))));
    expect(decisions).toEqual([
      { status: "RESOLVED_SPLIT", refundFen: 2_000n },
      { status: "RESOLVED_SPLIT", refundFen: 2_000n },
    ]);
    // A second, different decision after the final one is refused.
    await expect(inTransaction(prisma, (tx) => decideDispute(tx, admin.actor, { disputeId: db.id, idempotencyKey: randomUUID() }, decision))).rejects.toMatchObject({
      code: "invalid_transition",
    });
    expect(await prisma.journal.count({ where: { kind: "DISPUTE_REFUND" } })).toBe(2);
    expect(await userBalance(prisma, buyer.id)).toBe(100_000n - 20_000n + 3_000n + 2_000n);
    expect(await verifyLedger(prisma)).toEqual([]);
  });

  it("offer → buyer accepts (split); contest → escalate → admin refunds in part, audited", async () => {
    const { merchant, buyer, admin } = await setup();
    const a = await shippedOrder(merchant.actor, buyer.actor, "100.00");
    const da = await open(buyer, a.id, 10_000n);
    await expect(inTransaction(prisma, (tx) => merchantRespond(tx, merchant.actor, da.id, { kind: "OFFER", amountFen: 10_000n }))).rejects.toMatchObject({ messageKey: "errors.offer_amount" });
    await inTransaction(prisma, (tx) => merchantRespond(tx, merchant.actor, da.id, { kind: "OFFER", amountFen: 2_500n, body: "补偿 25 元" }));
    await inTransaction(prisma, (tx) => buyerAcceptOffer(tx, buyer.actor, { disputeId: da.id, idempotencyKey: randomUUID() }));
    expect((await prisma.dispute.findUniqueOrThrow({ where: { id: da.id } })).status).toBe("RESOLVED_SPLIT");

    const b = await shippedOrder(merchant.actor, buyer.actor, "100.00");
    const db = await open(buyer, b.id, 10_000n);
    await inTransaction(prisma, (tx) => merchantRespond(tx, merchant.actor, db.id, { kind: "CONTEST", body: "发货时完好，有称重记录", files: [{ bytes: PNG, name: "weight.png" }] }));
    await expect(inTransaction(prisma, (tx) => decideDispute(tx, admin.actor, { disputeId: db.id, idempotencyKey: randomUUID() }, { outcome: "REFUND_PART", amountFen: 4_000n, reasonCode: "SHARED_RESPONSIBILITY", note: "x" }))).rejects.toMatchObject({ messageKey: "errors.dispute_not_escalated" });
    await inTransaction(prisma, (tx) => buyerEscalate(tx, buyer.actor, db.id, "请平台介入"));
    const before = await userBalance(prisma, buyer.id);
    await inTransaction(prisma, (tx) => decideDispute(tx, admin.actor, { disputeId: db.id, idempotencyKey: randomUUID() }, { outcome: "REFUND_PART", amountFen: 4_000n, reasonCode: "SHARED_RESPONSIBILITY", note: "双方各担一部分" }));
    expect((await userBalance(prisma, buyer.id)) - before).toBe(4_000n);
    expect((await order(b.id)).status).toBe("COMPLETED");
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { targetId: db.id } });
    expect(audit).toMatchObject({ actorId: admin.id, action: "dispute.decide", after: { status: "RESOLVED_SPLIT", refunded: "40.00" } });
    const thread = await prisma.disputeMessage.findMany({ where: { disputeId: db.id }, orderBy: { id: "asc" } });
    expect(thread.map((m) => m.kind)).toEqual(["OPENED", "CONTEST", "ESCALATE", "DECISION"]);
    expect(await verifyLedger(prisma)).toEqual([]);
  });

  it("an admin releases to the merchant: nothing is refunded and the merchant gets the order less the fee", async () => {
    const { merchant, buyer, admin } = await setup();
    const o = await shippedOrder(merchant.actor, buyer.actor, "100.00");
    const d = await open(buyer, o.id, 10_000n);
    await inTransaction(prisma, (tx) => buyerEscalate(tx, buyer.actor, d.id));
    await inTransaction(prisma, (tx) => decideDispute(tx, admin.actor, { disputeId: d.id, idempotencyKey: randomUUID() }, { outcome: "RELEASE", reasonCode: "EVIDENCE_SUPPORTS_MERCHANT", note: "签收记录完整" }));
    expect((await prisma.dispute.findUniqueOrThrow({ where: { id: d.id } })).status).toBe("RESOLVED_MERCHANT");
    expect((await order(o.id)).status).toBe("COMPLETED");
    expect(await userBalance(prisma, buyer.id)).toBe(90_000n);
    expect((await userBalance(prisma, merchant.id)) + (await userBalance(prisma, merchant.id, "RESERVE")) + (await fee())).toBe(10_000n);
    expect(await verifyLedger(prisma)).toEqual([]);
    // The timeline says what happened: the dispute closed and the money was released, not "the buyer confirmed".
    const events = (await prisma.orderEvent.findMany({ where: { orderId: o.id }, orderBy: { id: "asc" } })).map((e) => e.type);
    expect(events).toEqual(["created", "paid", "shipped", "disputed", "dispute_released"]);
  });

  it("the timeline names each payout: a dispute refund, an after-sale claim, a cancellation of what was left", async () => {
    const { merchant, buyer } = await setup();
    const a = await shippedOrder(merchant.actor, buyer.actor, "100.00");
    const da = await open(buyer, a.id, 3_000n);
    await inTransaction(prisma, (tx) => merchantAccept(tx, merchant.actor, { disputeId: da.id, idempotencyKey: randomUUID() }));
    const c = await completedOrder(merchant.actor, buyer.actor, "100.00");
    const claim = await open(buyer, c.id, 2_000n);
    await inTransaction(prisma, (tx) => merchantAccept(tx, merchant.actor, { disputeId: claim.id, idempotencyKey: randomUUID() }));
    const p = await paidOrder(merchant.actor, buyer.actor, "100.00");
    await inTransaction(prisma, (tx) => refundOrder(tx, merchant.actor, { orderId: p.id, amountFen: 1_000n, idempotencyKey: key() }));
    await inTransaction(prisma, (tx) => cancelOrder(tx, buyer.actor, { orderId: p.id, idempotencyKey: key() }));
    const types = async (id: string) => (await prisma.orderEvent.findMany({ where: { orderId: id }, orderBy: { id: "asc" } })).map((e) => [e.type, (e.data as { amount?: string }).amount]);
    expect(await types(a.id)).toEqual([["created", undefined], ["paid", "10000"], ["shipped", undefined], ["disputed", "3000"], ["dispute_refunded", "3000"], ["dispute_released", undefined]]);
    expect((await types(c.id)).slice(-2)).toEqual([["disputed", "2000"], ["claim_paid", "2000"]]);
    expect((await types(p.id)).slice(-2)).toEqual([["refunded", "1000"], ["cancelled", "9000"]]);
  });

  it("deadlines: a silent merchant loses, a silent buyer loses; the job run twice settles once", async () => {
    const clock = fixedClock("2026-11-01T00:00:00Z");
    const { merchant, buyer } = await setup();
    const a = await shippedOrder(merchant.actor, buyer.actor, "100.00", clock);
    const b = await shippedOrder(merchant.actor, buyer.actor, "100.00", clock);
    const da = await open(buyer, a.id, 6_000n, clock);
    const db = await open(buyer, b.id, 6_000n, clock);
    await inTransaction(prisma, (tx) => merchantRespond(tx, merchant.actor, db.id, { kind: "CONTEST", body: "商品没有问题" }, clock));
    clock.advance(5 * DAY + 1);
    const [r1, r2] = await Promise.all([enforceDisputeDeadlines(prisma, clock), enforceDisputeDeadlines(prisma, clock)]);
    expect(r1.done + r2.done).toBe(2);
    expect((await prisma.dispute.findUniqueOrThrow({ where: { id: da.id } })).status).toBe("RESOLVED_BUYER");
    expect((await prisma.dispute.findUniqueOrThrow({ where: { id: db.id } })).status).toBe("RESOLVED_MERCHANT");
    expect((await order(b.id)).status).toBe("COMPLETED");
    expect(await userBalance(prisma, buyer.id)).toBe(100_000n - 20_000n + 6_000n);
    expect(await verifyLedger(prisma)).toEqual([]);
  });

  it("a withdrawn dispute gives the order back its remaining auto-confirm time", async () => {
    const clock = fixedClock("2026-11-01T00:00:00Z");
    const { merchant, buyer } = await setup();
    const o = await shippedOrder(merchant.actor, buyer.actor, "100.00", clock);
    clock.advance(4 * DAY);
    const d = await open(buyer, o.id, 1_000n, clock);
    clock.advance(3 * DAY);
    await inTransaction(prisma, (tx) => buyerWithdraw(tx, buyer.actor, { disputeId: d.id, idempotencyKey: randomUUID() }, clock));
    const after = await order(o.id);
    expect(after.status).toBe("SHIPPED");
    expect(after.autoConfirmAt?.toISOString()).toBe(new Date(clock.now().getTime() + 6 * DAY).toISOString());
  });

  it("a dispute opened at the same moment as a confirm: exactly one wins", async () => {
    const { merchant, buyer } = await setup(1_000_000n);
    for (let i = 0; i < 5; i++) {
      const o = await shippedOrder(merchant.actor, buyer.actor, "10.00");
      const [confirm, dispute] = await Promise.allSettled([
        inTransaction(prisma, (tx) => confirmReceipt(tx, buyer.actor, { orderId: o.id, idempotencyKey: key() })),
        inTransaction(prisma, (tx) => openDispute(tx, buyer.actor, { orderId: o.id, reason: "NOT_RECEIVED", claimedFen: 1_000n, description: "没有收到货" })),
      ]);
      const final = (await order(o.id)).status;
      const frozeIt = dispute.status === "fulfilled" && !dispute.value.afterCompletion;
      // Exactly one of "released by the confirm" and "frozen by the dispute" happened. (A dispute that arrives
      // after the confirm committed is a post-completion claim, which is not a freeze.)
      expect(Number(confirm.status === "fulfilled") + Number(frozeIt)).toBe(1);
      expect(final).toBe(frozeIt ? "DISPUTED" : "COMPLETED");
      if (dispute.status === "rejected") expect(dispute.reason.code).toBe("invalid_transition");
    }
    expect(await verifyLedger(prisma)).toEqual([]);
  });

  it("a post-completion claim decided for the buyer when the merchant is short: the rest is recovered from the next release", async () => {
    const clock = fixedClock("2026-11-01T00:00:00Z");
    const { merchant, buyer, admin } = await setup(1_000_000n);
    const o = await completedOrder(merchant.actor, buyer.actor, "100.00", clock); // merchant wallet: ¥94.05
    clock.advance(10 * DAY);
    const d = await open(buyer, o.id, 10_000n, clock);
    expect(d.afterCompletion).toBe(true);
    await inTransaction(prisma, (tx) => buyerEscalate(tx, buyer.actor, d.id, "", clock));
    const buyerBefore = await userBalance(prisma, buyer.id);
    await inTransaction(prisma, (tx) => decideDispute(tx, admin.actor, { disputeId: d.id, idempotencyKey: randomUUID() }, { outcome: "REFUND_FULL", reasonCode: "EVIDENCE_SUPPORTS_BUYER", note: "假货" }, clock));
    expect((await userBalance(prisma, buyer.id)) - buyerBefore).toBe(10_000n);
    expect(await userBalance(prisma, merchant.id)).toBe(0n);
    expect(await userBalance(prisma, merchant.id, "RECEIVABLE")).toBe(-595n);
    // The next release pays the debt before anything reaches the wallet.
    const next = await shippedOrder(merchant.actor, buyer.actor, "100.00", clock);
    await inTransaction(prisma, (tx) => confirmReceipt(tx, buyer.actor, { orderId: next.id, idempotencyKey: key() }, clock));
    expect(await userBalance(prisma, merchant.id, "RECEIVABLE")).toBe(0n);
    expect(await userBalance(prisma, merchant.id)).toBe(9_405n - 595n);
    expect(await verifyLedger(prisma)).toEqual([]);
    clock.advance(20 * DAY);
    await expect(open(buyer, next.id, 100n, clock)).rejects.toMatchObject({ messageKey: "errors.claim_window_passed" });
  });

  it("a third party cannot see a dispute, its messages or its files, nor post to it", async () => {
    const { merchant, buyer, admin } = await setup();
    const o = await paidOrder(merchant.actor, buyer.actor, "10.00");
    const d = await open(buyer, o.id, 500n);
    const otherMerchant = await createUser("MERCHANT", { approved: true });
    const otherBuyer = await createUser("BUYER");
    for (const stranger of [otherMerchant, otherBuyer]) {
      await expect(getDisputeForParty(prisma, stranger.actor, d.id)).rejects.toMatchObject({ code: "not_found" });
      await expect(inTransaction(prisma, (tx) => postDisputeMessage(tx, stranger.actor, d.id, { body: "hello" }))).rejects.toMatchObject({ code: "not_found" });
    }
    expect((await getDisputeForParty(prisma, admin.actor, d.id)).party).toBe("ADMIN");
    const file = await prisma.disputeFile.findFirstOrThrow({ where: { disputeId: d.id } });
    for (const stranger of [otherMerchant, otherBuyer]) {
      await expect(readDisputeFile(prisma, stranger.actor, file.id)).rejects.toMatchObject({ code: "not_found" });
    }
    expect((await readDisputeFile(prisma, merchant.actor, file.id)).sha256).toBe(file.sha256);
    await expect(inTransaction(prisma, (tx) => merchantAccept(tx, buyer.actor, { disputeId: d.id, idempotencyKey: randomUUID() }))).rejects.toMatchObject({ code: "forbidden" });
    await inTransaction(prisma, (tx) => postDisputeMessage(tx, merchant.actor, d.id, { body: "我们马上核实" }));
    expect(await prisma.disputeMessage.count({ where: { disputeId: d.id } })).toBe(2);
  });
});

describe("what a buyer can get back from an order", () => {
  beforeEach(resetDatabase);

  it("repeated after-sale claims never pay back more than the order's price: one claim per order, within what was not refunded", async () => {
    const { merchant, buyer } = await setup();
    const o = await shippedOrder(merchant.actor, buyer.actor, "100.00");
    await inTransaction(prisma, (tx) => refundOrder(tx, merchant.actor, { orderId: o.id, amountFen: 4_000n, idempotencyKey: key() }));
    await inTransaction(prisma, (tx) => confirmReceipt(tx, buyer.actor, { orderId: o.id, idempotencyKey: key() }));
    await expect(open(buyer, o.id, 6_001n)).rejects.toMatchObject({ messageKey: "errors.claim_too_much" });
    const claim = await open(buyer, o.id, 6_000n);
    await inTransaction(prisma, (tx) => merchantAccept(tx, merchant.actor, { disputeId: claim.id, idempotencyKey: randomUUID() }));
    expect(await order(o.id)).toMatchObject({ refundedFen: 4_000n, claimedFen: 6_000n });
    await expect(open(buyer, o.id, 1n)).rejects.toMatchObject({ messageKey: "errors.claim_once" });
    expect(await userBalance(prisma, buyer.id)).toBe(100_000n);
    // The database refuses it too, whatever the code above it does.
    await expect(prisma.$executeRaw`UPDATE orders SET claimed_fen = claimed_fen + 1 WHERE id = ${o.id}`).rejects.toThrow(/orders_buyer_not_overpaid/);
    expect(await verifyLedger(prisma)).toEqual([]);
  });

  it("a claim is checked under the order's lock: a refund committed while the claim waits is seen", async () => {
    const { merchant, buyer } = await setup();
    const o = await shippedOrder(merchant.actor, buyer.actor, "100.00");
    // Settled into a value at once: the claim may be refused before anyone awaits it.
    let claim: Promise<unknown> | undefined;
    await prisma.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM orders WHERE id = ${o.id} FOR UPDATE`;
        claim = open(buyer, o.id, 5_000n).then(
          () => "opened",
          (error: unknown) => error,
        );
        // Wait until the claim is blocked on the order's lock, then refund beneath it.
        for (let i = 0; i < 200; i++) {
          const [{ waiting }] = await prisma.$queryRaw<{ waiting: number }[]>`SELECT count(*)::int AS waiting FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE NOT l.granted AND d.datname = current_database()`;
          if (waiting > 0) break;
          await new Promise((r) => setTimeout(r, 25));
        }
        await refundOrder(tx, merchant.actor, { orderId: o.id, amountFen: 6_000n, idempotencyKey: key() });
      },
      { timeout: 20_000 },
    );
    expect(await claim).toMatchObject({ messageKey: "errors.claim_too_much" });
    expect((await order(o.id)).status).toBe("SHIPPED");
    expect(await verifyLedger(prisma)).toEqual([]);
  });

  it("a platform decision is final: the order cannot be disputed or claimed on again", async () => {
    const { merchant, buyer, admin } = await setup();
    const o = await shippedOrder(merchant.actor, buyer.actor, "100.00");
    const d = await open(buyer, o.id, 5_000n);
    await inTransaction(prisma, (tx) => buyerEscalate(tx, buyer.actor, d.id));
    await inTransaction(prisma, (tx) => decideDispute(tx, admin.actor, { disputeId: d.id, idempotencyKey: randomUUID() }, { outcome: "RELEASE", reasonCode: "EVIDENCE_SUPPORTS_MERCHANT", note: "物流签收完整" }));
    expect((await order(o.id)).status).toBe("COMPLETED");
    await expect(open(buyer, o.id, 1_000n)).rejects.toMatchObject({ messageKey: "errors.dispute_final" });
    expect(await prisma.dispute.count({ where: { orderId: o.id } })).toBe(1);
  });
});

describe("dispute rates", () => {
  beforeEach(resetDatabase);

  it("are computed from their definition when read: disputed ÷ paid orders in the window, counting orders paid after the last dispute", async () => {
    const clock = fixedClock("2026-11-01T00:00:00Z");
    const { merchant, buyer, admin } = await setup(1_000_000n);
    const first = [];
    for (let i = 0; i < 5; i++) first.push(await shippedOrder(merchant.actor, buyer.actor, "10.00", clock));
    const d1 = await open(buyer, first[0].id, 500n, clock);
    await open(buyer, first[1].id, 500n, clock);
    await inTransaction(prisma, (tx) => merchantAccept(tx, merchant.actor, { disputeId: d1.id, idempotencyKey: randomUUID() }, clock));
    const merchantId = (await prisma.merchant.findUniqueOrThrow({ where: { userId: merchant.id } })).id;
    expect(await merchantDisputeRates(prisma, merchant.actor, undefined, clock)).toMatchObject({ rate30Bps: 4_000, rate90Bps: 4_000, lostShareBps90: 10_000, paidOrders30: 5 });
    // Five more orders paid after the last dispute halve the rate at once.
    for (let i = 0; i < 5; i++) await paidOrder(merchant.actor, buyer.actor, "10.00", clock);
    expect(await merchantDisputeRates(prisma, admin.actor, merchantId, clock)).toMatchObject({ rate30Bps: 2_000, paidOrders30: 10 });
    // 40 days on, only the 90-day window still holds them.
    clock.advance(40 * DAY);
    expect(await merchantDisputeRates(prisma, merchant.actor, undefined, clock)).toMatchObject({ rate30Bps: 0, rate90Bps: 2_000, paidOrders30: 0 });
  });
});
