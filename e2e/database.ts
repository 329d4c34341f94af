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

/**
 * The id of an audit log entry, for the pages that show one. A fresh database may have none yet: then the super
 * admin changes a setting no journey depends on (the restoration path's clean days) through the settings code,
 * audited like any change.
 */
export async function someAuditEntry(): Promise<string> {
  return withE2eDatabase(async (db) => {
    const found = await db.auditLog.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
    if (found) return found.id.toString();
    const { inTransaction } = await import("../lib/db/transaction");
    const { updateSetting } = await import("../lib/settings/settings");
    const { SETTINGS } = await import("../lib/settings/registry");
    const key = "credit.restore.fullCleanDays";
    const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@anxin.test" } });
    const current = Number((await db.setting.findUnique({ where: { key } }))?.value ?? SETTINGS[key].default);
    await inTransaction(db, (tx) => updateSetting(tx, { userId: admin.id, role: "ADMIN", adminRole: admin.adminRole }, key, current === 91 ? 90 : 91));
    return (await db.auditLog.findFirstOrThrow({ orderBy: { id: "desc" }, select: { id: true } })).id.toString();
  });
}
