import { readFileSync } from "node:fs";
import type { PrismaClient } from "../lib/generated/prisma/client";
import { attachToRunningDatabase } from "../lib/db/embedded";
import { e2eServerFile } from "../lib/runtime/e2e-data-dir";
import { withPrisma } from "../lib/runtime/with-prisma";

/**
 * The e2e server's own database, for the few journeys that must do what only time does (the nightly accrual
 * of the fund's yield, run here with a clock ahead): there is no test-only endpoint in the production build.
 * scripts/e2e-server.ts says which data folder it serves for its port; the folder holds the password.
 */
export async function withE2eDatabase<T>(work: (db: PrismaClient) => Promise<T>): Promise<T> {
  const port = Number(process.env.E2E_PORT ?? 3311);
  const { dataDir } = JSON.parse(readFileSync(e2eServerFile(port), "utf8")) as { dataDir: string };
  const running = await attachToRunningDatabase(dataDir, "anxin");
  if (!running) throw new Error(`The e2e server on port ${port} has no running database in ${dataDir}.`);
  return withPrisma(running.url, work);
}
