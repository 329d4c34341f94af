import { execFile } from "node:child_process";
import pg from "pg";
import { ensureDatabase } from "../lib/db/embedded";
import { migrateDeploy } from "../lib/db/migrate";

/**
 * (c) Statement export: one account with `postings` movements (written set-based, triggers off, on a database
 * of its own so the main bench's ledger stays verifiable; a mix of top-ups, yields and one-off dispute refunds), exported as the app's statement CSV (lib/statements)
 * next to PostgreSQL's own `COPY (SELECT ...) TO STDOUT` of the same rows through psql. Reports rows per second
 * for both and the peak growth of this process's resident memory during the app's export.
 */
export async function exportBench(serverUrl: string, baseName: string, postings: number) {
  const name = `${baseName}_export`;
  await ensureDatabase(serverUrl, name);
  const url = `${serverUrl}/${name}`;
  await migrateDeploy(url);
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const client = await pool.connect();
  const started = performance.now();
  try {
    await client.query("BEGIN");
    await client.query("SET LOCAL session_replication_role = replica");
    await client.query(`INSERT INTO users (id, email, name, password_hash, role, updated_at) VALUES ('exporter', 'exporter@bench.anxin', '导出测试', 'x', 'BUYER', now())`);
    await client.query(`INSERT INTO ledger_accounts (id, code, user_id, type, balance, updated_at) VALUES ('exp-wallet', 'user:exporter:WALLET:CNY', 'exporter', 'WALLET', $1, now())`, [String(BigInt(postings) * 100n)]);
    // A mix like a real wallet's: top-ups from three cards, fund yields, and a third of the rows each about a
    // dispute of its own (a reference no other row has), in and out.
    await client.query(
      `INSERT INTO journals (id, kind, reference, created_at)
       SELECT g, CASE g % 3 WHEN 0 THEN 'DISPUTE_REFUND' WHEN 1 THEN 'TOPUP' ELSE 'FUND_YIELD' END,
              CASE g % 3 WHEN 0 THEN 'dispute:' || md5(g::text) WHEN 1 THEN 'card:****000' || (g % 3 + g % 7 % 3) ELSE NULL END,
              timestamptz '2026-10-31 16:00:00+00' + g * interval '2 seconds'
         FROM generate_series(1, $1::int) g`,
      [postings],
    );
    await client.query(
      `INSERT INTO postings (journal_id, account_id, amount, balance_after, created_at)
       SELECT g, 'exp-wallet', 100, 100 * g, timestamptz '2026-10-31 16:00:00+00' + g * interval '2 seconds' FROM generate_series(1, $1::int) g`,
      [postings],
    );
    await client.query("COMMIT");
    await client.query("ANALYZE postings; ANALYZE journals");
  } finally {
    client.release();
    await pool.end();
  }
  console.log(`(c) statement export: ${postings} postings on one account, written in ${((performance.now() - started) / 1000).toFixed(1)}s`);

  // The app's export (lib/statements/csv.ts) on a pool of its own for this database, as the route uses
  // lib/db/read-pool.ts; the summary through Prisma, as the route computes it.
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const { PrismaClient } = await import("../lib/generated/prisma/client");
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }) });
  const { statementCsv } = await import("../lib/statements/csv");
  const { statementSummary } = await import("../lib/statements/statement");
  const { dayPeriod } = await import("../lib/statements/period");
  const period = dayPeriod("2026-11-01", "2027-10-31");
  const summary = await statementSummary(prisma, "exp-wallet", period);
  await prisma.$disconnect();
  const readPool = new pg.Pool({ connectionString: url, max: 2 });
  const t = (key: string) => key;
  const statement = { holder: "导出测试", accountCode: "user:exporter:WALLET:CNY", accountName: "钱包", period, summary };
  // Warm up first (the pg driver and the writer's code paths), so the RSS growth measured is the export's own.
  await statementCsv(readPool, { ...statement, summary: { ...summary, endId: summary.startId + 10n } }, { t, has: () => false }).pipeTo(new WritableStream());
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const appStarted = performance.now();
  const cpuBefore = process.cpuUsage();
  let bytes = 0;
  const reader = statementCsv(readPool, statement, { t, has: () => false }).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.length;
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  const appSeconds = (performance.now() - appStarted) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const appCpuShare = (cpu.user + cpu.system) / 1e6 / appSeconds;
  clearInterval(sampler);
  await readPool.end();
  const appRate = summary.count / appSeconds;
  const rssGrowthMb = (peak - baseline) / 1024 / 1024;
  console.log(`  lib statement CSV: ${summary.count} rows (${(bytes / 1e6).toFixed(0)} MB) in ${appSeconds.toFixed(1)}s = ${appRate.toFixed(0)} rows/s; peak RSS growth ${rssGrowthMb.toFixed(1)} MB; this process busy ${(appCpuShare * 100).toFixed(0)}% of the time`);

  let copyRate: number | null = null;
  try {
    const sql = `COPY (SELECT p.id, p.journal_id, p.created_at, j.kind, j.reference, o.order_no, p.amount, p.balance_after FROM postings p JOIN journals j ON j.id = p.journal_id LEFT JOIN orders o ON o.id = j.order_id WHERE p.account_id = 'exp-wallet' ORDER BY p.id) TO STDOUT WITH CSV`;
    const copyStarted = performance.now();
    await new Promise<void>((resolve, reject) => {
      const child = execFile(process.env.PSQL ?? "psql", [url, "-q", "-c", sql], { maxBuffer: 1 << 30 }, (error) => (error ? reject(error) : resolve()));
      child.stdout?.resume();
    });
    copyRate = summary.count / ((performance.now() - copyStarted) / 1000);
    console.log(`  PostgreSQL COPY of the same rows: ${copyRate.toFixed(0)} rows/s; lib/COPY = ${(appRate / copyRate).toFixed(2)} (goal ≥ 0.5), RSS growth goal < 64 MB`);
  } catch {
    console.log("  psql not installed or failed: COPY skipped");
  }
  return { statement_export_rows: summary.count, statement_export_rows_per_s: appRate, statement_copy_rows_per_s: copyRate, statement_export_to_copy_ratio: copyRate ? appRate / copyRate : null, statement_export_rss_growth_mb: rssGrowthMb, statement_export_cpu_share: appCpuShare };
}
