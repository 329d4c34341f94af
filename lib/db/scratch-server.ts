import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startEmbeddedDatabase } from "./embedded";

/**
 * A PostgreSQL server to create scratch databases on (tests, benchmark): the server of DATABASE_URL when it
 * is set, else an embedded one on a throwaway folder and a free port, removed again by `stop`.
 */
export async function openScratchServer(prefix: string): Promise<{ serverUrl: string; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = "";
    return { serverUrl: url.toString().replace(/\/$/, ""), stop: async () => {} };
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  const db = await startEmbeddedDatabase({ dataDir: dir, database: "postgres" });
  return {
    serverUrl: db.serverUrl,
    stop: async () => {
      await db.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
