import fs from "node:fs/promises";
import path from "node:path";
import { StartupError } from "@/lib/db/startup-error";
import { trustedProxyHops } from "@/lib/http/client-address";
import { readOrCreateAuthSecret } from "./auth-secret";
import { banner } from "./banner";
import { buildIfNeeded } from "./build-if-needed";
import { assertWebPortFree } from "./check-port";
import { startChild, stopChildren } from "./children";
import { Lifecycle } from "./lifecycle";
import { openDatabase } from "./open-database";
import { seedIfEmpty } from "./seed-if-empty";
import { PROJECT_ROOT, readSettings, type Settings } from "./settings";
import { waitForHealth } from "./wait-for-health";

/** A bad TRUST_PROXY stops `npm start` in one line, before anything starts. */
function checkTrustProxy() {
  try {
    trustedProxyHops();
  } catch (error) {
    throw new StartupError((error as Error).message);
  }
}

export type StartOptions = Partial<Settings> & {
  /** Runs last on shutdown, after the database stopped (e2e: delete the throwaway data folder). */
  afterStop?: () => Promise<void>;
};

/**
 * `npm start`: database (embedded unless DATABASE_URL), migrations, demo data when empty, a production
 * build when the sources changed, then the web server and the job worker until Ctrl-C or SIGTERM.
 */
export async function main(options: StartOptions = {}) {
  const lifecycle = new Lifecycle();
  lifecycle.handleSignals("Stopping Anxin Pay…");
  if (options.afterStop) lifecycle.onStop(options.afterStop);
  await lifecycle.run(async () => {
    process.chdir(PROJECT_ROOT);
    const { afterStop: _, ...overrides } = options;
    const settings = readSettings(process.env, overrides);
    checkTrustProxy();
    await assertWebPortFree(settings.port);
    const secret = await readOrCreateAuthSecret(settings.dataDir);

    console.log(settings.databaseUrl ? "▸ Checking DATABASE_URL…" : `▸ Starting the embedded database in ${settings.dataDir}…`);
    const db = await openDatabase(settings);
    lifecycle.onStop(db.stop);
    console.log("✔ Database ready, migrations applied");
    const demo = await seedIfEmpty(db.url);
    const nextAuthUrl = process.env.NEXTAUTH_URL || `http://localhost:${settings.port}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ANXIN_UPLOAD_DIR: process.env.ANXIN_UPLOAD_DIR || (await privateUploadDir(settings.dataDir)),
      DATABASE_URL: db.url,
      // The web server and the worker keep their files (uploads, the email outbox) in the same data folder.
      ANXIN_DATA_DIR: settings.dataDir,
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: nextAuthUrl,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
    };
    await buildIfNeeded(PROJECT_ROOT, lifecycle);
    // Again: a build takes minutes, and something else may have taken the port meanwhile.
    await assertWebPortFree(settings.port);

    const bin = (name: string) => path.join(PROJECT_ROOT, "node_modules", ".bin", name);
    const children = [
      // Not `next start`: scripts/web-server.ts stamps the client's address, which Next.js does not expose.
      startChild(lifecycle, "web", bin("tsx"), ["scripts/web-server.ts"], { ...env, PORT: String(settings.port) }),
      startChild(lifecycle, "worker", bin("tsx"), ["scripts/worker.ts"], env),
    ];
    lifecycle.onStop(() => stopChildren(children));
    await waitForHealth(settings.port, lifecycle);
    if (lifecycle.stopping) return;
    console.log(banner({ url: nextAuthUrl, dataDir: settings.dataDir, embedded: db.embedded, ...demo }));
  });
}

/**
 * Uploaded documents (identity cards among them) in the data folder, readable by this user only: the data
 * folder itself may be open for search to the postgres user (lib/db/embedded.ts).
 */
async function privateUploadDir(dataDir: string): Promise<string> {
  const dir = path.join(dataDir, "uploads");
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  await fs.chmod(dir, 0o700);
  return dir;
}
