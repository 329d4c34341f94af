import { execFileSync } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { attachToRunningDatabase, findRunningServer, startEmbeddedDatabase, type EmbeddedDatabase } from "./embedded";
import { isRoot } from "./postgres-process";

const mode = async (file: string) => (await fs.stat(file)).mode & 0o777;
const processGroupOf = (pid: number) => Number(execFileSync("ps", ["-o", "pgid=", "-p", String(pid)]).toString().trim());

let db: EmbeddedDatabase | undefined;
let dir: string | undefined;
afterEach(async () => {
  await db?.stop();
  if (dir) await fs.rm(dir, { recursive: true, force: true });
  db = dir = undefined;
});

describe("embedded database", () => {
  it("starts on a data folder made by mkdtemp (mode 700), and its secrets and log stay private", async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "anxin-embedded-"));
    expect(await mode(dir)).toBe(0o700);
    db = await startEmbeddedDatabase({ dataDir: dir, database: "app" });
    // As root the server runs as the postgres user: it may pass through the folder (x), never list it.
    expect(await mode(dir)).toBe(isRoot() ? 0o701 : 0o700);
    expect(await mode(path.join(dir, "pg-password"))).toBe(0o600);
    expect(await mode(path.join(dir, "postgres.log"))).toBe(0o600);
  });

  it("runs in a process group of its own when asked, so a terminal's Ctrl-C does not reach it", async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "anxin-embedded-"));
    db = await startEmbeddedDatabase({ dataDir: dir, database: "app", ownProcessGroup: true });
    const running = await findRunningServer(dir);
    expect(running).not.toBeNull();
    expect(processGroupOf(running!.pid)).toBe(running!.pid);
    expect(processGroupOf(running!.pid)).not.toBe(processGroupOf(process.pid));
    await db.stop();
    db = undefined;
    expect(await findRunningServer(dir)).toBeNull();
  });

  it("a second start on a running folder is refused, but attaching connects to the same server", async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "anxin-embedded-"));
    db = await startEmbeddedDatabase({ dataDir: dir, database: "app" });
    await expect(startEmbeddedDatabase({ dataDir: dir, database: "app" })).rejects.toThrow(/already running/);
    const attached = await attachToRunningDatabase(dir, "app");
    expect(attached?.url).toBe(db.url);
    await attached!.stop(); // leaves the server running
    expect(await findRunningServer(dir)).not.toBeNull();
  });

  it("attaching finds nothing when no server runs on the folder", async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "anxin-embedded-"));
    expect(await attachToRunningDatabase(dir, "app")).toBeNull();
  });
});
