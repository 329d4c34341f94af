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
const { LIFECYCLE_STEPS, libLifecycle } = await import("./lib-lifecycle");

const reg = (role: "BUYER" | "MERCHANT") =>
  inTransaction(prisma, (tx) => registerUser(tx, { email: `${role}-${randomUUID()}@p.test`, name: role, password: "profile-password", role, locale: "zh-CN" }));
const b = await reg("BUYER");
const m = await reg("MERCHANT");
await prisma.merchant.update({ where: { userId: m.id }, data: { status: "APPROVED", riskLevel: "MEDIUM" } });
const buyer = { userId: b.id, role: "BUYER" as const };
const merchant = { userId: m.id, role: "MERCHANT" as const };
await inTransaction(prisma, (tx) => topUp(tx, buyer, { amountFen: 5_000_000n, cardNumber: "6222020000000007", idempotencyKey: randomUUID() }));
const totals = Object.fromEntries(LIFECYCLE_STEPS.map((s) => [s, 0])) as Record<(typeof LIFECYCLE_STEPS)[number], number>;
const N = 300;
for (let i = 0; i < N; i++) await libLifecycle(buyer, merchant, (step, ms) => (totals[step] += ms));
for (const [k, v] of Object.entries(totals)) console.log(`${k}: ${(v / N).toFixed(2)} ms`);
await prisma.$disconnect();
await stop();
