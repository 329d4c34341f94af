import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findRunningServer } from "@/lib/db/embedded";
import { StartupError } from "@/lib/db/startup-error";
import { openDatabase, type OpenDatabase } from "@/lib/runtime/open-database";
import { PROJECT_ROOT } from "@/lib/runtime/settings";
import { withPrisma } from "@/lib/runtime/with-prisma";
import { seedDemoData } from "@/lib/seed/demo";

/** `npm run ledger:verify` as a user runs it, on the data folder `dataDir`. */
async function ledgerVerify(dataDir: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, ANXIN_DATA_DIR: dataDir };
  delete env.DATABASE_URL; // the test database of this file: the script must find the embedded one
  try {
    const { stdout, stderr } = await promisify(execFile)(path.join(PROJECT_ROOT, "node_modules", ".bin", "tsx"), ["scripts/ledger-verify.ts"], { cwd: PROJECT_ROOT, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("npm run ledger:verify", () => {
  let dataDir: string;
  let portal: OpenDatabase | undefined;

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "anxin-verify-"));
  });
  afterAll(async () => {
    await portal?.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it("starts the embedded database itself when the portal is not running, and stops it again", async () => {
    const result = await ledgerVerify(dataDir);
    expect(result.stderr).not.toMatch(/✖/);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("✔ Ledger verified: 0 journals");
    expect(result.stdout).not.toContain("running portal");
    expect(await findRunningServer(dataDir)).toBeNull();
  });

  it("verifies the database of a running portal in place and leaves it running", async () => {
    // What npm start does: the embedded server on the data folder, migrated, with the demo data.
    portal = await openDatabase({ dataDir });
    await withPrisma(portal.url, seedDemoData);
    const server = await findRunningServer(dataDir);

    const result = await ledgerVerify(dataDir);
    expect(result.stderr).not.toMatch(/✖/);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Using the database of the running portal");
    expect(result.stdout).toMatch(/✔ Ledger verified: [1-9]\d* journals/);

    // Still the same server, still answering.
    expect(await findRunningServer(dataDir)).toEqual(server);
    const client = new pg.Client({ connectionString: portal.url });
    await client.connect();
    expect((await client.query("SELECT count(*)::int AS n FROM users")).rows[0].n).toBeGreaterThan(0);
    await client.end();
  });

  it("a second npm start on the same data folder is still refused", async () => {
    await expect(openDatabase({ dataDir })).rejects.toThrow(StartupError);
    await expect(openDatabase({ dataDir })).rejects.toThrow(/already running/);
  });
});
