/**
 * `npm run bench:export`: only the statement export part of `npm run bench` (part c), on a scratch server.
 * Option: --postings N (default 1000000). Writes bench/results/export-<time>.json.
 */
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { openScratchServer } from "../lib/db/scratch-server";
import { exportBench } from "./export";

const i = process.argv.indexOf("--postings");
const postings = i > 0 ? Number(process.argv[i + 1]) : 1_000_000;

async function main() {
  const { serverUrl, stop } = await openScratchServer("anxin-bench-export-");
  try {
    const at = new Date().toISOString();
    const results = { at, machine: { cpus: os.cpus().length, memory_gb: Math.round(os.totalmem() / 2 ** 30), node: process.version }, ...(await exportBench(serverUrl, `anxin_bench_${Date.now()}`, postings)) };
    await mkdir("bench/results", { recursive: true });
    const file = path.join("bench/results", `export-${at.replace(/[:.]/g, "-")}.json`);
    await writeFile(file, JSON.stringify(results, null, 2));
    console.log(`Results written to ${file}`);
  } finally {
    await stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
