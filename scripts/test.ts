/**
 * `npm test`: every test. Vitest (unit and integration, on a real embedded PostgreSQL), then Playwright
 * (journeys in Chromium against the production build on a fresh embedded database). Both run even if the
 * first fails, so one run shows everything that is broken.
 */
import { spawn } from "node:child_process";

function run(label: string, command: string, args: string[]): Promise<number> {
  console.log(`\n▶ ${label}: ${command} ${args.join(" ")}\n`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    child.on("close", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const only = process.argv[2];
const results: [string, number][] = [];
if (only !== "e2e") results.push(["unit and integration (Vitest)", await run("Vitest", "node_modules/.bin/vitest", ["run"])]);
if (only !== "unit") results.push(["end-to-end (Playwright)", await run("Playwright", "node_modules/.bin/playwright", ["test"])]);

console.log("\nSummary");
for (const [label, code] of results) console.log(`  ${code === 0 ? "✔" : "✖"} ${label}${code === 0 ? "" : ` (exit ${code})`}`);
process.exit(results.some(([, code]) => code !== 0) ? 1 : 0);
