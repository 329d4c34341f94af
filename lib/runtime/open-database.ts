import { attachToRunningDatabase, startEmbeddedDatabase } from "@/lib/db/embedded";
import { migrateDeploy } from "@/lib/db/migrate";
import { checkDatabaseUrl } from "./check-database-url";
import type { Settings } from "./settings";

/** `shared`: the embedded server of a running `npm start`, used in place; stop() leaves it running. */
export type OpenDatabase = { url: string; embedded: boolean; shared: boolean; stop: () => Promise<void> };

const DATABASE = "anxin";

/**
 * The database named by DATABASE_URL (checked first), or the embedded one in the data folder, with all
 * migrations applied. With `shareRunning` (command-line scripts such as ledger:verify), an embedded server
 * that a running `npm start` already serves is used as it is: no second server, no migrations (the
 * running portal applied them), and nothing is stopped afterwards. Without it, a running one is refused.
 */
export async function openDatabase(
  settings: Pick<Settings, "dataDir" | "dbPort" | "databaseUrl">,
  options: { shareRunning?: boolean } = {},
): Promise<OpenDatabase> {
  if (settings.databaseUrl) {
    await checkDatabaseUrl(settings.databaseUrl);
    await migrateDeploy(settings.databaseUrl);
    return { url: settings.databaseUrl, embedded: false, shared: false, stop: async () => {} };
  }
  if (options.shareRunning) {
    const running = await attachToRunningDatabase(settings.dataDir, DATABASE);
    if (running) return { url: running.url, embedded: true, shared: true, stop: async () => {} };
  }
  // Its own process group: on Ctrl-C it is stopped last, after the web server and the worker (Lifecycle).
  const db = await startEmbeddedDatabase({ dataDir: settings.dataDir, database: DATABASE, port: settings.dbPort, ownProcessGroup: true });
  try {
    await migrateDeploy(db.url);
  } catch (error) {
    await db.stop();
    throw error;
  }
  return { url: db.url, embedded: true, shared: false, stop: db.stop };
}
