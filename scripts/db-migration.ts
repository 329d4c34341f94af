/**
 * `npm run db:migration -- <name>`: writes prisma/migrations/<UTC timestamp>_<name>/migration.sql with the
 * SQL that turns the committed schema (HEAD) into the current prisma/schema.prisma. `prisma migrate diff`
 * needs a live database behind the driver adapter even for a datamodel-to-datamodel diff, so a throwaway
 * embedded one is started. Hand-add what Prisma cannot express (CHECKs, triggers) to the file afterwards.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { StartupError } from "@/lib/db/startup-error";
import { Lifecycle } from "@/lib/runtime/lifecycle";
import { PROJECT_ROOT } from "@/lib/runtime/settings";

const MIGRATIONS = path.join(PROJECT_ROOT, "prisma", "migrations");

const git = (...args: string[]) => execFileSync("git", args, { cwd: PROJECT_ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });

function timestamp(existing: string[]): string {
  const now = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const latest = existing.map((name) => name.slice(0, 14)).filter((s) => /^\d{14}$/.test(s)).sort().at(-1);
  // Migrations apply in name order: a new one must sort after the newest, even if the clock says otherwise.
  return latest && latest >= now ? String(BigInt(latest) + 1n) : now;
}

function previousSchema(): string | null {
  try {
    return git("show", "HEAD:prisma/schema.prisma");
  } catch {
    return null; // no commit yet, or the schema is new
  }
}

async function uncommittedMigrations(existing: string[]): Promise<string[]> {
  let committed: Set<string>;
  try {
    committed = new Set(git("ls-tree", "--name-only", "HEAD", "prisma/migrations/").split("\n").map((p) => path.basename(p)));
  } catch {
    committed = new Set();
  }
  return existing.filter((name) => !committed.has(name));
}

const lifecycle = new Lifecycle();
lifecycle.handleSignals();
await lifecycle.run(async () => {
  const name = (process.argv[2] ?? "").trim().toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "");
  if (!name) throw new StartupError("Name the migration: npm run db:migration -- add_orders");
  const existing = (await fs.readdir(MIGRATIONS, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
  const pending = await uncommittedMigrations(existing);
  if (pending.length > 0) {
    throw new StartupError(
      `prisma/migrations/${pending[0]} is not committed: a diff against HEAD would repeat it. Commit it (or delete it) first.`,
    );
  }

  const work = await fs.mkdtemp(path.join(os.tmpdir(), "anxin-migration-"));
  await fs.chmod(work, 0o755);
  lifecycle.onStop(() => fs.rm(work, { recursive: true, force: true }));
  const prev = previousSchema();
  const from = prev === null ? ["--from-empty"] : ["--from-schema-datamodel", path.join(work, "previous.prisma")];
  if (prev !== null) await fs.writeFile(path.join(work, "previous.prisma"), prev);

  const db = await startEmbeddedDatabase({ dataDir: path.join(work, "db"), database: "diff" });
  lifecycle.onStop(db.stop);
  const diff = spawnSync(
    path.join(PROJECT_ROOT, "node_modules", ".bin", "prisma"),
    ["migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
    { cwd: PROJECT_ROOT, encoding: "utf8", env: { ...process.env, DATABASE_URL: db.url, PRISMA_HIDE_UPDATE_MESSAGE: "1" } },
  );
  if (diff.status !== 0) throw new StartupError(`prisma migrate diff failed: ${(diff.stderr || diff.stdout).trim().split("\n").slice(-3).join(" ")}`);
  const sql = diff.stdout;
  if (!sql.split("\n").some((line) => line.trim() && !line.trim().startsWith("--"))) {
    throw new StartupError(`prisma/schema.prisma has no changes since ${prev === null ? "an empty database" : "HEAD"}: no migration written.`);
  }

  const folder = `${timestamp(existing)}_${name}`;
  const file = path.join(MIGRATIONS, folder, "migration.sql");
  if (existsSync(path.dirname(file))) throw new StartupError(`${path.relative(PROJECT_ROOT, file)} already exists.`);
  await fs.mkdir(path.dirname(file));
  await fs.writeFile(file, sql);
  console.log(`✔ Wrote ${path.relative(PROJECT_ROOT, file)}. Review it, add CHECK constraints or triggers by hand if needed.`);
  await lifecycle.shutdown(0);
});
