/** `npx tsx bench/profile-steps.ts`: time of each escrow step through lib/, one worker, to see where the cost is. */
import { randomUUID } from "node:crypto";
import { ensureDatabase } from "../lib/db/embedded";
import { migrateDeploy } from "../lib/db/migrate";
import { openScratchServer } from "../lib/db/scratch-server";

const { serverUrl, stop } = await openScratchServer("anxin-profile-");
const name = `anxin_profile_${Date.now()}`;
await ensureDatabase(serverUrl, name);
process.env.DATABASE_URL = `${serverUrl}/${name}`;
await migrateDeploy(process.env.DATABASE_URL);
const { prisma } = await import("../lib/db/client");
const { inTransaction } = await import("../lib/db/transaction");
const { registerUser } = await import("../lib/auth/register");
const { topUp } = await import("../lib/bank/top-up");
const { createOrder } = await import("../lib/escrow/create-order");
const { payOrder } = await import("../lib/escrow/pay");
const { shipOrder } = await import("../lib/escrow/ship");
const { confirmReceipt } = await import("../lib/escrow/confirm-receipt");

const reg = (role: "BUYER" | "MERCHANT") =>
  inTransaction(prisma, (tx) => registerUser(tx, { email: `${role}-${randomUUID()}@p.test`, name: role, password: "profile-password", role, locale: "zh-CN" }));
const b = await reg("BUYER");
const m = await reg("MERCHANT");
await prisma.merchant.update({ where: { userId: m.id }, data: { status: "APPROVED", riskLevel: "MEDIUM" } });
const buyer = { userId: b.id, role: "BUYER" as const };
const merchant = { userId: m.id, role: "MERCHANT" as const };
await inTransaction(prisma, (tx) => topUp(tx, buyer, { amountFen: 5_000_000n, cardNumber: "6222020000000007", idempotencyKey: randomUUID() }));
const totals = { create: 0, pay: 0, ship: 0, confirm: 0 };
const N = 300;
for (let i = 0; i < N; i++) {
  let t = performance.now();
  const order = await inTransaction(prisma, (tx) => createOrder(tx, merchant, { lines: [{ name: "x", quantity: 1, unitPrice: "1.00" }] }));
  totals.create += performance.now() - t;
  t = performance.now();
  await inTransaction(prisma, (tx) => payOrder(tx, buyer, { token: order.payToken, idempotencyKey: randomUUID() }));
  totals.pay += performance.now() - t;
  t = performance.now();
  await inTransaction(prisma, (tx) => shipOrder(tx, merchant, order.id, { carrier: "SF", trackingNo: "SF00000000" }));
  totals.ship += performance.now() - t;
  t = performance.now();
  await inTransaction(prisma, (tx) => confirmReceipt(tx, buyer, { orderId: order.id, idempotencyKey: randomUUID() }));
  totals.confirm += performance.now() - t;
}
for (const [k, v] of Object.entries(totals)) console.log(`${k}: ${(v / N).toFixed(2)} ms`);
await prisma.$disconnect();
await stop();
