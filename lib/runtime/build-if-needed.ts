import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import readline from "node:readline";
import { StartupError } from "@/lib/db/startup-error";
import type { Lifecycle } from "./lifecycle";
import { sourceHash } from "./source-hash";

const HASH_FILE = path.join(".next", "anxin-source-hash");

/** Runs `next build` when the sources changed since the last successful build (or there is none). */
export async function buildIfNeeded(root: string, lifecycle: Lifecycle): Promise<void> {
  const hash = await sourceHash(root);
  const hashFile = path.join(root, HASH_FILE);
  const previous = await fs.readFile(hashFile, "utf8").catch(() => "");
  if (previous.trim() === hash && existsSync(path.join(root, ".next", "BUILD_ID"))) {
    console.log("✔ Production build is up to date");
    return;
  }
  // Removed first: a build interrupted half-way must not be taken for a current one next time.
  await fs.rm(hashFile, { force: true });
  console.log(`▸ Building the app (${previous ? "sources changed" : "first start"}); this takes a minute or two…`);
  const started = Date.now();
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  // The build must not depend on (or bake in) whatever the database holds at build time.
  delete env.DATABASE_URL;
  const child = spawn(path.join(root, "node_modules", ".bin", "next"), ["build"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  lifecycle.onStop(() => {
    if (child.exitCode === null) child.kill("SIGTERM");
  });
  for (const stream of [child.stdout, child.stderr]) {
    readline.createInterface({ input: stream }).on("line", (line) => console.log(`  │ ${line}`));
  }
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (exitCode) => resolve(exitCode));
  });
  if (code !== 0) {
    throw new StartupError(`The production build failed (next build exited with ${code ?? "a signal"}): see the errors above, fix them and run npm start again.`);
  }
  // Hashed again: next build may adjust tsconfig.json itself, which must not cause a rebuild every start.
  await fs.writeFile(hashFile, await sourceHash(root));
  console.log(`✔ Built in ${Math.round((Date.now() - started) / 1000)} s`);
}
