import type { PrismaClient } from "@/lib/generated/prisma/client";
import { Lifecycle } from "./lifecycle";
import { openDatabase } from "./open-database";
import { PROJECT_ROOT, readSettings } from "./settings";
import { withPrisma } from "./with-prisma";

/**
 * For command-line scripts: open the app's database (DATABASE_URL, or the embedded one in ANXIN_DATA_DIR),
 * run `work`, stop everything, and exit with the code `work` returns.
 */
export async function runOnDatabase(work: (prisma: PrismaClient) => Promise<number>) {
  const lifecycle = new Lifecycle();
  lifecycle.handleSignals();
  await lifecycle.run(async () => {
    process.chdir(PROJECT_ROOT);
    const db = await openDatabase(readSettings());
    lifecycle.onStop(db.stop);
    const code = await withPrisma(db.url, work);
    await lifecycle.shutdown(code);
  });
}
