/**
 * `tsx bench/cpu-profile.ts <file.cpuprofile>`: where a `node --cpu-prof` profile spent its CPU time, by part
 * (Prisma's client runtime, the pg driver, the app's lib/, Node itself, garbage collection, idle), and the
 * functions with the most self time.
 */
import { readFile } from "node:fs/promises";

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

const file = process.argv[2];
if (!file) {
  console.error("usage: tsx bench/cpu-profile.ts <file.cpuprofile>");
  process.exit(2);
}
const profile = JSON.parse(await readFile(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

function part(n: Node): string {
  const { url, functionName } = n.callFrame;
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  if (url.includes("/@prisma/client/") || url.includes("/lib/generated/prisma/")) return "Prisma client runtime";
  if (url.includes("/@prisma/adapter-pg/") || url.includes("/@prisma/driver-adapter")) return "Prisma pg adapter";
  if (url.includes("/node_modules/pg") || url.includes("/pg-protocol/") || url.includes("/pg-types/")) return "pg driver";
  if (url.startsWith("node:")) return "Node.js";
  const pkg = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return `node_modules/${pkg}`;
  if (url.includes("/lib/")) return "app lib/";
  if (url.includes("/bench/")) return "bench";
  return "other";
}

const total = [...self.values()].reduce((a, b) => a + b, 0);
const parts = new Map<string, number>();
for (const [id, us] of self) parts.set(part(byId.get(id)!), (parts.get(part(byId.get(id)!)) ?? 0) + us);
const pct = (us: number) => `${((us / total) * 100).toFixed(1).padStart(5)}%`;
console.log(`CPU profile: ${(total / 1e6).toFixed(1)} s sampled\n\nBy part:`);
for (const [name, us] of [...parts].sort((a, b) => b[1] - a[1]).slice(0, 14)) console.log(`  ${pct(us)}  ${name}`);
const fns = new Map<string, number>();
for (const [id, us] of self) {
  const n = byId.get(id)!;
  const key = `${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*?\/(lib|bench)\//, "$1/")}:${n.callFrame.lineNumber + 1}`;
  fns.set(key, (fns.get(key) ?? 0) + us);
}
console.log("\nFunctions with the most self time:");
for (const [name, us] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${pct(us)}  ${name}`);
