import pg from "pg";
import type { TestProject } from "vitest/node";
import { ensureDatabase } from "../lib/db/embedded";
import { openScratchServer } from "../lib/db/scratch-server";
import { migrateDeploy } from "../lib/db/migrate";

export const TEMPLATE_DB = "anxin_test_template";

/**
 * One PostgreSQL for the whole run: an embedded server on a throwaway folder and a free port, unless
 * DATABASE_URL names a server to use. Migrations are applied once to a template database; every test file
 * then gets its own copy of it (tests/setup-database.ts), so files never see each other's rows.
 */
export default async function setup(project: TestProject) {
  const { serverUrl, stop } = await openScratchServer("anxin-test-db-");
  const admin = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await admin.connect();
  const stale = await admin.query("SELECT datname FROM pg_database WHERE datname LIKE 'anxin_test_%'");
  for (const row of stale.rows) await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(row.datname)} WITH (FORCE)`);
  await admin.end();
  await ensureDatabase(serverUrl, TEMPLATE_DB);
  await migrateDeploy(`${serverUrl}/${TEMPLATE_DB}`);
  project.provide("dbServerUrl", serverUrl);
  return stop;
}

declare module "vitest" {
  export interface ProvidedContext {
    dbServerUrl: string;
  }
}
