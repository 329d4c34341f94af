/**
 * Playwright's web server: the production build on a fresh embedded database with the demo data, on a
 * throwaway data folder (unless ANXIN_DATA_DIR names one), deleted when the server stops.
 */
import fs from "node:fs/promises";
import { createE2eDataDir } from "@/lib/runtime/e2e-data-dir";
import { main } from "@/lib/runtime/start-app";

// Journeys rely on the demo data of a fresh database, never on whatever a DATABASE_URL holds.
delete process.env.DATABASE_URL;
const given = process.env.ANXIN_DATA_DIR;
const dataDir = given || (await createE2eDataDir());
await main({
  dataDir,
  afterStop: given ? undefined : () => fs.rm(dataDir, { recursive: true, force: true }),
});
