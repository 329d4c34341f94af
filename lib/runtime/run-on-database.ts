import type { PrismaClient } from "@/lib/generated/prisma/client";
import { Lifecycle } from "./lifecycle";
import { openDatabase } from "./open-database";
import { PROJECT_ROOT, readSettings } from "./settings";
import { withPrisma } from "./with-prisma";

/**
 * For command-line scripts: open the app's database (DATABASE_URL, or the embedded one in ANXIN_DATA_DIR),
 * run `work`, stop everything, and exit with the code `work` returns. When `npm start` is running on that
 * data folder, its database server is used as it is and left running.
 */
export async function runOnDatabase(work: (prisma: PrismaClient) => Promise<number>) {
  const lifecycle = new Lifecycle();
  lifecycle.handleSignals();
  await lifecycle.run(async () => {
    process.chdir(PROJECT_ROOT);
    const settings = readSettings();
    const db = await openDatabase(settings, { shareRunning: true });
    if (db.shared) console.log(`▸ Using the database of the running portal in ${settings.dataDir}`);
    lifecycle.onStop(db.stop);
    const code = await withPrisma(db.url, work);
    await lifecycle.shutdown(code);
  });
}
