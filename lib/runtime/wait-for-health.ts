import { StartupError } from "@/lib/db/startup-error";
import type { Lifecycle } from "./lifecycle";

/** Polls the health endpoint until the web server answers OK (a dead child ends the wait via the lifecycle). */
export async function waitForHealth(port: number, lifecycle: Lifecycle, timeoutMs = 120_000) {
  const url = `http://127.0.0.1:${port}/api/health`;
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (lifecycle.stopping) return;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(3_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new StartupError(`The web server did not answer ${url} within ${timeoutMs / 1000} s. See the [web] lines above.`);
}
