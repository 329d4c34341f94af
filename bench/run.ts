/**
 * `npm run bench`: escrow lifecycles per second through lib/ (8 workers) next to the same transactions in raw
 * SQL on the same database, pgbench TPC-B where installed, the merchant dashboard's server time, merchant credit
 * (the nightly offers job's time and loan decisions' p50/p95) and the statement export.
 * Options: --orders N (historical orders, default 100000; 1000000 for the full run), --merchants N (default
 * 1000; 10000), --seconds S per throughput run (default 20), --workers N (default 8), --export-postings N
 * (statement export, default 1000000; 0 skips it). Not part of npm test.
 */
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { ensureDatabase } from "../lib/db/embedded";
import { openScratchServer } from "../lib/db/scratch-server";
import { migrateDeploy } from "../lib/db/migrate";
import { rawLifecycle } from "./raw-lifecycle";
import { creditBench } from "./credit";
import { exportBench } from "./export";
import { seedDataset } from "./seed-dataset";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const options = { orders: arg("orders", 100_000), merchants: arg("merchants", 1_000), seconds: arg("seconds", 20), workers: arg("workers", 8), exportPostings: arg("export-postings", 1_000_000) };

async function throughput(label: string, workers: number, seconds: number, once: (worker: number) => Promise<void>) {
  const deadline = Date.now() + seconds * 1000;
  let done = 0;
  let failed = 0;
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      while (Date.now() < deadline) {
        try {
          await once(w);
          done++;
        } catch (error) {
          failed++;
          if (failed < 5) console.error(`  ${label} error: ${(error as Error).message}`);
        }
      }
    }),
  );
  const perSecond = done / seconds;
  console.log(`  ${label}: ${done} lifecycles in ${seconds}s = ${perSecond.toFixed(1)}/s${failed ? ` (${failed} failed)` : ""}`);
  return perSecond;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function main() {
  const { serverUrl, stop } = await openScratchServer("anxin-bench-");
  const dbName = `anxin_bench_${Date.now()}`;
  await ensureDatabase(serverUrl, dbName);
  const url = `${serverUrl}/${dbName}`;
  process.env.DATABASE_URL = url;
  process.env.DB_POOL_MAX = String(options.workers + 2);
  console.log(`Anxin Pay bench: ${JSON.stringify(options)}`);
  await migrateDeploy(url);

  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const t0 = performance.now();
  await seedDataset(pool, options.merchants, options.orders);
  console.log(`  seeded ${options.merchants} merchants and ${options.orders} historical orders in ${((performance.now() - t0) / 1000).toFixed(1)}s`);

  // The app's modules read DATABASE_URL when first used, so they are imported only now.
  const { prisma } = await import("../lib/db/client");
  const { inTransaction } = await import("../lib/db/transaction");
  const { registerUser } = await import("../lib/auth/register");
  const { topUp } = await import("../lib/bank/top-up");
  const { libLifecycle } = await import("./lib-lifecycle");
  const { merchantDashboard } = await import("../lib/escrow/dashboard");
  const { platformAccount, userAccount } = await import("../lib/ledger/accounts");
  const { verifyLedger } = await import("../lib/ledger/verify");

  // One buyer and one merchant per worker, so the workers measure throughput, not one hot row.
  type Pair = {
    buyer: { userId: string; role: "BUYER" };
    merchant: { userId: string; role: "MERCHANT" };
    merchantId: string;
    ids: { bank: string; fee: string; wallet: string; reserve: string };
  };
  const pairs: Pair[] = [];
  for (let w = 0; w < options.workers; w++) {
    const buyer = await inTransaction(prisma, (tx) => registerUser(tx, { email: `bench-buyer-${w}@bench.anxin`, name: `买家${w}`, password: "bench-password-1", role: "BUYER", locale: "zh-CN" }));
    const buyerActor = { userId: buyer.id, role: "BUYER" as const };
    for (let i = 0; i < 20; i++) await inTransaction(prisma, (tx) => topUp(tx, buyerActor, { amountFen: 5_000_000n, cardNumber: "6222020000000007", idempotencyKey: randomUUID() }));
    const merchantUserId = `bm${w + 1}`;
    const ids = await inTransaction(prisma, async (tx) => ({
      bank: (await platformAccount(tx, "BANK_CLEARING")).id,
      fee: (await platformAccount(tx, "PLATFORM_FEE")).id,
      wallet: (await userAccount(tx, merchantUserId)).id,
      reserve: (await userAccount(tx, merchantUserId, "RESERVE")).id,
    }));
    pairs.push({ buyer: buyerActor, merchant: { userId: merchantUserId, role: "MERCHANT" as const }, merchantId: `m${w + 1}`, ids });
  }
  // The hand-written yardstick runs on an identical copy of this database: it writes journals without the links
  // the app's rules are checked through (journals.order_id), so the ledger verified at the end is the app's alone.
  await prisma.$disconnect();
  await pool.end();
  await ensureDatabase(serverUrl, `${dbName}_raw`, dbName);
  const rawPool = new pg.Pool({ connectionString: `${serverUrl}/${dbName}_raw`, max: options.workers + 2 });

  console.log("(a) escrow lifecycles: create, pay, ship, confirm (4 transactions each; the raw SQL on an identical copy of the database)");
  const lib = await throughput("lib/ functions", options.workers, options.seconds, async (w) => {
    await libLifecycle(pairs[w].buyer, pairs[w].merchant);
  });
  const raw = await throughput("raw SQL (pg)", options.workers, options.seconds, async (w) => {
    const p = pairs[w];
    await rawLifecycle(rawPool, { merchantId: p.merchantId, merchantUserId: p.merchant.userId, buyerId: p.buyer.userId, bankId: p.ids.bank, feeId: p.ids.fee });
  });

  let pgbenchTps: number | null = null;
  try {
    const bin = process.env.PGBENCH ?? "pgbench";
    await ensureDatabase(serverUrl, `${dbName}_tpcb`);
    const target = `${serverUrl}/${dbName}_tpcb`;
    execFileSync(bin, ["-i", "-q", "-s", "8", target], { stdio: "ignore" });
    const out = execFileSync(bin, ["-c", String(options.workers), "-j", "2", "-T", String(options.seconds), target], { encoding: "utf8" });
    pgbenchTps = Number(out.match(/tps = ([\d.]+)/)?.[1] ?? NaN);
    console.log(`  pgbench TPC-B: ${pgbenchTps.toFixed(0)} tx/s`);
  } catch {
    console.log("  pgbench: not installed or failed; skipped");
  }

  console.log("(b) merchant dashboard server time");
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const n = 1 + ((i * 7919) % options.merchants);
    const started = performance.now();
    await merchantDashboard(prisma, { userId: `bm${n}`, role: "MERCHANT" });
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const p50 = percentile(times, 50);
  const p95 = percentile(times, 95);
  console.log(`  p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms over ${times.length} calls`);

  const credit = await creditBench(prisma);

  const verifyStarted = performance.now();
  const violations = await verifyLedger(prisma);
  const verifyMs = performance.now() - verifyStarted;
  for (const v of violations.slice(0, 10)) console.error(`  ✖ ${v.rule}: ${v.detail}`);
  const exported = options.exportPostings > 0 ? await exportBench(serverUrl, dbName, options.exportPostings) : {};
  const ratio = lib / raw;
  // Each lifecycle is 4 transactions; pgbench counts single transactions.
  const results = {
    at: new Date().toISOString(),
    options,
    machine: { cpus: os.cpus().length, node: process.version },
    escrow_lib_lifecycles_per_s: lib,
    escrow_raw_sql_lifecycles_per_s: raw,
    escrow_lib_to_raw_sql_ratio: ratio,
    escrow_lib_tx_per_s: lib * 4,
    pgbench_tpcb_tps: pgbenchTps,
    escrow_lib_tx_to_pgbench_ratio: pgbenchTps ? (lib * 4) / pgbenchTps : null,
    dashboard_ms: { p50, p95 },
    ledger_violations: violations.length,
    ledger_verify_ms: verifyMs,
    ...credit,
    ...exported,
  };
  console.log(`\nRatios: lib/raw SQL = ${ratio.toFixed(2)} (goal ≥ 0.8)${pgbenchTps ? `; lib transactions/pgbench = ${(results.escrow_lib_tx_to_pgbench_ratio as number).toFixed(2)} (goal ≥ 0.25)` : ""}; ledger violations: ${violations.length}`);
  await mkdir("bench/results", { recursive: true });
  const file = path.join("bench/results", `${results.at.replace(/[:.]/g, "-")}.json`);
  await writeFile(file, JSON.stringify(results, null, 2));
  console.log(`Written to ${file}`);
  await prisma.$disconnect();
  await rawPool.end();
  await stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
