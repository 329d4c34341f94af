/**
 * `npm run bench:profile`: escrow lifecycles through lib/ only (default 8 workers, 2,000 lifecycles), with the
 * mean time of each step, under `node --cpu-prof`; bench/cpu-profile.ts then says where the CPU time went.
 * Options: --workers N, --lifecycles N.
 */
import { randomUUID } from "node:crypto";
import { ensureDatabase } from "../lib/db/embedded";
import { migrateDeploy } from "../lib/db/migrate";
import { openScratchServer } from "../lib/db/scratch-server";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const workers = arg("workers", 8);
const lifecycles = arg("lifecycles", 2_000);

const { serverUrl, stop } = await openScratchServer("anxin-profile-");
const name = `anxin_profile_${Date.now()}`;
await ensureDatabase(serverUrl, name);
process.env.DATABASE_URL = `${serverUrl}/${name}`;
process.env.DB_POOL_MAX = String(workers + 2);
await migrateDeploy(process.env.DATABASE_URL);
const { prisma } = await import("../lib/db/client");
const { inTransaction } = await import("../lib/db/transaction");
const { registerUser } = await import("../lib/auth/register");
const { topUp } = await import("../lib/bank/top-up");
const { LIFECYCLE_STEPS, libLifecycle } = await import("./lib-lifecycle");

const reg = (role: "BUYER" | "MERCHANT") =>
  inTransaction(prisma, (tx) => registerUser(tx, { email: `${role}-${randomUUID()}@p.test`, name: role, password: "profile-password", role, locale: "zh-CN" }));
const pairs = [];
for (let w = 0; w < workers; w++) {
  const b = await reg("BUYER");
  const m = await reg("MERCHANT");
  await prisma.merchant.update({ where: { userId: m.id }, data: { status: "APPROVED", riskLevel: "MEDIUM" } });
  const buyer = { userId: b.id, role: "BUYER" as const };
  for (let i = 0; i < 10; i++) await inTransaction(prisma, (tx) => topUp(tx, buyer, { amountFen: 5_000_000n, cardNumber: "6222020000000007", idempotencyKey: randomUUID() }));
  pairs.push({ buyer, merchant: { userId: m.id, role: "MERCHANT" as const } });
}
const totals = Object.fromEntries(LIFECYCLE_STEPS.map((s) => [s, 0])) as Record<(typeof LIFECYCLE_STEPS)[number], number>;
let done = 0;
const started = performance.now();
await Promise.all(
  pairs.map(async (p) => {
    while (done < lifecycles) {
      done++;
      await libLifecycle(p.buyer, p.merchant, (step, ms) => (totals[step] += ms));
    }
  }),
);
const seconds = (performance.now() - started) / 1000;
console.log(`${done} lifecycles with ${workers} workers in ${seconds.toFixed(1)} s = ${(done / seconds).toFixed(1)}/s`);
for (const [k, v] of Object.entries(totals)) console.log(`  ${k}: ${(v / done).toFixed(2)} ms (mean, under ${workers} workers)`);
await prisma.$disconnect();
await stop();
