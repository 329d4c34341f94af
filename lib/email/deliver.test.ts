import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { inTransaction } from "@/lib/db/transaction";
import { openDispute } from "@/lib/disputes/open";
import { buyerWithdraw } from "@/lib/disputes/respond";
import { payOrder } from "@/lib/escrow/pay";
import { fixedClock, MINUTE } from "@/lib/time/clock";
import { prisma, resetDatabase } from "@/tests/db";
import { recordingTransport } from "@/tests/email-helpers";
import { newOrder, paidOrder, shippedOrder } from "@/tests/escrow-fixtures";
import { startFakeSmtp } from "@/tests/fake-smtp";
import { createUser } from "@/tests/fixtures";
import { deliverDueEmails, DELIVERY } from "./deliver";
import { queueEmail } from "./queue";
import { transportFromEnv, type EmailTransport } from "./transport";

async function parties() {
  const merchant = await createUser("MERCHANT", { approved: true });
  const buyer = await createUser("BUYER", { balanceFen: 1_000_000n });
  return { merchant, buyer };
}

const dispute = (buyer: { actor: Parameters<typeof openDispute>[1] }, orderId: string) =>
  (tx: Parameters<typeof openDispute>[0]) => openDispute(tx, buyer.actor, { orderId, reason: "NOT_RECEIVED", claimedFen: 5_000n, description: "一直没有收到包裹" });

/** Queues `count` order-paid messages for a user, as the trigger would. */
async function queueSome(userId: string, count: number) {
  await inTransaction(prisma, async (tx) => {
    for (let i = 0; i < count; i++) await queueEmail(tx, { userId, kind: "order.paid", params: { orderId: `o${i}`, orderNo: `2026112400000${i}`, amountFen: "1234" } });
  });
}

describe("email outbox: written with the change it announces", () => {
  beforeEach(resetDatabase);

  it("a dispute's email to the merchant is written in the dispute's transaction, and rolled back with it", async () => {
    const { merchant, buyer } = await parties();
    const order = await shippedOrder(merchant.actor, buyer.actor);
    const before = await prisma.outboxEmail.count();
    await expect(
      inTransaction(prisma, async (tx) => {
        await dispute(buyer, order.id)(tx);
        throw new Error("something after it failed");
      }),
    ).rejects.toThrow("something after it failed");
    expect(await prisma.outboxEmail.count()).toBe(before);
    const opened = await inTransaction(prisma, dispute(buyer, order.id));
    expect(await prisma.outboxEmail.findMany({ where: { kind: "dispute.opened" } })).toMatchObject([
      { userId: merchant.id, status: "PENDING", params: { orderNo: order.orderNo, disputeId: opened.id, amountFen: "5000" } },
    ]);
  });

  it("a payment and a shipment write their emails in the money statement itself; a refused payment writes none", async () => {
    const { merchant, buyer } = await parties();
    const order = await shippedOrder(merchant.actor, buyer.actor, "88.50");
    const rows = await prisma.outboxEmail.findMany({ orderBy: { id: "asc" } });
    expect(rows).toMatchObject([
      { userId: merchant.id, kind: "order.paid", dedupeKey: `order.paid:${order.id}`, params: { orderId: order.id, orderNo: order.orderNo, amountFen: "8850" } },
      { userId: buyer.id, kind: "order.shipped", params: { orderId: order.id, carrier: "SF", trackingNo: "SF1234567890" } },
    ]);
    // The in-app notifications come with them.
    expect(await prisma.notification.count({ where: { kind: { in: ["order.paid", "order.shipped"] } } })).toBe(2);

    const poor = await createUser("BUYER", { balanceFen: 100n });
    const expensive = await newOrder(merchant.actor, "500.00");
    await expect(payOrder(prisma, poor.actor, { token: expensive.payToken, idempotencyKey: randomUUID() })).rejects.toMatchObject({ code: "insufficient_funds" });
    expect(await prisma.outboxEmail.count()).toBe(2);
  });

  it("an order that goes back to paid after a withdrawn dispute announces nothing again", async () => {
    const { merchant, buyer } = await parties();
    const order = await paidOrder(merchant.actor, buyer.actor);
    const opened = await inTransaction(prisma, dispute(buyer, order.id));
    await inTransaction(prisma, (tx) => buyerWithdraw(tx, buyer.actor, { disputeId: opened.id, idempotencyKey: randomUUID() }));
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("PAID");
    expect(await prisma.outboxEmail.count({ where: { kind: "order.paid" } })).toBe(1);
  });
});

describe("email delivery job", () => {
  beforeEach(resetDatabase);

  it("sends each message once, also when the job runs twice at the same time and once more after", async () => {
    const { buyer } = await parties();
    await queueSome(buyer.id, 12);
    const [a, b] = [await recordingTransport(), await recordingTransport()];
    await Promise.all([deliverDueEmails(prisma, a), deliverDueEmails(prisma, b)]);
    const sent = [...a.sent, ...b.sent].map((m) => m.id.toString()).sort();
    expect(sent).toHaveLength(12);
    expect(new Set(sent).size).toBe(12);
    const again = await recordingTransport();
    expect(await deliverDueEmails(prisma, again)).toMatchObject({ due: 0, sent: 0 });
    expect(again.sent).toEqual([]);
    expect(await prisma.outboxEmail.count({ where: { status: "SENT" } })).toBe(12);
  });

  it("writes an .eml with a plain-text and an HTML part, in the recipient's language, and keeps it for the admin page", async () => {
    const { merchant } = await parties();
    await prisma.user.update({ where: { id: merchant.id }, data: { locale: "en" } });
    await queueSome(merchant.id, 1);
    const transport = await recordingTransport();
    await deliverDueEmails(prisma, transport);
    const [file] = await readdir(transport.dir);
    expect(file).toMatch(/^\d{8}-order\.paid\.eml$/);
    const eml = await readFile(path.join(transport.dir, file), "utf8");
    expect(eml).toContain(`To: ${merchant.email}`);
    expect(eml).toContain("Subject: Order 20261124000000 is paid: please ship it");
    expect(eml).toMatch(/multipart\/alternative/);
    expect(eml).toContain("Content-Type: text/plain");
    expect(eml).toContain("Content-Type: text/html");
    const row = await prisma.outboxEmail.findFirstOrThrow();
    expect(row).toMatchObject({ status: "SENT", locale: "en", transport: "outbox", toAddress: merchant.email, attempts: 1 });
    expect(row.textBody).toContain("The buyer paid ¥12.34 for order 20261124000000");
    expect(row.textBody).toContain("/merchant/orders/o0");
    expect(row.htmlBody).toContain('<html lang="en">');
  });

  it("a failed send is retried later with a growing delay, other messages still go, and it is given up after the last attempt", async () => {
    const { buyer, merchant } = await parties();
    await queueSome(buyer.id, 1);
    await queueSome(merchant.id, 1);
    const clock = fixedClock(new Date(Date.now() + MINUTE));
    const sent: string[] = [];
    const flaky: EmailTransport = {
      name: "smtp",
      keepsBodies: false,
      async send(message) {
        if (message.to === buyer.email) throw new Error("421 mailbox busy\nsecond line never shown");
        sent.push(message.to);
        return { messageId: "<ok@test>" };
      },
    };
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const first = await deliverDueEmails(prisma, flaky, clock);
    expect(first).toMatchObject({ sent: 1, sendFailures: [{ error: "421 mailbox busy" }] });
    expect(sent).toEqual([merchant.email]);
    const failing = await prisma.outboxEmail.findFirstOrThrow({ where: { userId: buyer.id } });
    expect(failing).toMatchObject({ status: "PENDING", attempts: 1, lastError: "421 mailbox busy" });
    expect(failing.nextAttemptAt).toEqual(new Date(clock.now().getTime() + MINUTE));
    // Not due again yet.
    expect(await deliverDueEmails(prisma, flaky, clock)).toMatchObject({ due: 0 });
    for (let attempt = 2; attempt <= DELIVERY.maxAttempts; attempt++) {
      clock.advance(DELIVERY.retryDelayMs(attempt - 1));
      expect(await deliverDueEmails(prisma, flaky, clock), `attempt ${attempt}`).toMatchObject({ due: 1 });
    }
    expect(await prisma.outboxEmail.findFirstOrThrow({ where: { userId: buyer.id } })).toMatchObject({ status: "FAILED", attempts: DELIVERY.maxAttempts, nextAttemptAt: null });
    clock.advance(24 * 60 * MINUTE);
    expect(await deliverDueEmails(prisma, flaky, clock)).toMatchObject({ due: 0 });
    expect(sent).toEqual([merchant.email]);
    log.mockRestore();
  });

  it("with SMTP_URL the message goes to that server, once, and no body is kept", async () => {
    const smtp = await startFakeSmtp();
    try {
      const { buyer } = await parties();
      await queueSome(buyer.id, 1);
      const transport = transportFromEnv({ SMTP_URL: smtp.url, MAIL_FROM: "Anxin Test <test@anxin.local>" });
      await deliverDueEmails(prisma, transport);
      await deliverDueEmails(prisma, transport);
      expect(smtp.messages).toHaveLength(1);
      expect(smtp.messages[0].to).toEqual([`RCPT TO:<${buyer.email}>`]);
      expect(smtp.messages[0].data).toContain("From: Anxin Test <test@anxin.local>");
      expect(smtp.messages[0].data).toMatch(/X-Anxin-Outbox-Id: \d+/i);
      expect(await prisma.outboxEmail.findFirstOrThrow()).toMatchObject({ status: "SENT", transport: "smtp", textBody: null, htmlBody: null });
    } finally {
      await smtp.close();
    }
  });

  it("an unreachable SMTP server is a failed attempt recorded on the message, never an error of the job", async () => {
    const { buyer } = await parties();
    await queueSome(buyer.id, 1);
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const result = await deliverDueEmails(prisma, transportFromEnv({ SMTP_URL: "smtp://127.0.0.1:1" }));
    expect(result).toMatchObject({ failed: 0, sendFailures: [{}] });
    expect(await prisma.outboxEmail.findFirstOrThrow()).toMatchObject({ status: "PENDING", attempts: 1, lastError: expect.stringMatching(/ECONNREFUSED|connect/) });
    log.mockRestore();
  });
});
