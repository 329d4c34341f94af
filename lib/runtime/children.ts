import { spawn, type ChildProcess } from "node:child_process";
import readline from "node:readline";
import type { Lifecycle } from "./lifecycle";

export type Child = { label: string; process: ChildProcess; exited: Promise<void> };

const KILL_AFTER_MS = 8_000;
/**
 * A terminal Ctrl-C reaches the children (same process group) as fast as it reaches us, so a child may
 * exit a moment before our own signal handler runs: wait briefly before calling its exit unexpected.
 */
const SIGNAL_GRACE_MS = 500;

const live = new Set<ChildProcess>();
process.on("exit", () => {
  // Last resort if we end without a clean shutdown: never leave a server holding the port.
  for (const child of live) child.kill("SIGKILL");
});

/**
 * Starts a long-running child whose output is shown with a prefix. If it ends while we are not stopping,
 * everything is stopped (exit 1). The caller stops it with stopChildren.
 */
export function startChild(lifecycle: Lifecycle, label: string, command: string, args: string[], env: NodeJS.ProcessEnv): Child {
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  live.add(child);
  for (const stream of [child.stdout!, child.stderr!]) {
    readline.createInterface({ input: stream }).on("line", (line) => console.log(`[${label}] ${line}`));
  }
  const exited = new Promise<void>((resolve) => {
    child.on("error", (error) => {
      console.error(`✖ Could not start the ${label} process (${command}): ${error.message}`);
      live.delete(child);
      resolve();
      if (!lifecycle.stopping) void lifecycle.shutdown(1);
    });
    child.on("exit", (code, signal) => {
      live.delete(child);
      resolve();
      setTimeout(() => {
        if (lifecycle.stopping) return;
        console.error(`✖ The ${label} process stopped unexpectedly (${signal ?? `exit code ${code}`}). Stopping everything.`);
        void lifecycle.shutdown(1);
      }, SIGNAL_GRACE_MS);
    });
  });
  return { label, process: child, exited };
}

/** SIGTERM to all at once, then SIGKILL to whichever still runs after 8 s. */
export async function stopChildren(children: Child[]) {
  await Promise.all(children.map(stopChild));
}

async function stopChild(child: Child) {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  child.process.kill("SIGTERM");
  const timer = setTimeout(() => child.process.kill("SIGKILL"), KILL_AFTER_MS);
  await child.exited;
  clearTimeout(timer);
}
