/**
 * Playwright's web server: the production build on a fresh embedded database with the demo data, on a
 * throwaway data folder (unless ANXIN_DATA_DIR names one), deleted when the server stops.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { createE2eDataDir, e2eServerFile } from "@/lib/runtime/e2e-data-dir";
import { main } from "@/lib/runtime/start-app";

// Journeys rely on the demo data of a fresh database, never on whatever a DATABASE_URL holds.
delete process.env.DATABASE_URL;
const given = process.env.ANXIN_DATA_DIR;
const dataDir = given || (await createE2eDataDir());
// Journeys that need the database itself (the fund's accrual with a clock a day ahead) find it from the port.
const pointer = e2eServerFile(Number(process.env.PORT ?? 3311));
await fs.mkdir(path.dirname(pointer), { recursive: true });
await fs.writeFile(pointer, JSON.stringify({ dataDir, pid: process.pid }));
await main({
  dataDir,
  afterStop: async () => {
    await fs.rm(pointer, { force: true });
    if (!given) await fs.rm(dataDir, { recursive: true, force: true });
  },
});
