import { existsSync, readFileSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";

const PREFIX = "anxin-e2e-";

function ownerAlive(dir: string) {
  const file = path.join(dir, "owner.pid");
  if (!existsSync(file)) return false;
  try {
    process.kill(Number(readFileSync(file, "utf8")), 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A fresh data folder for one e2e run. Playwright ends its web server with SIGKILL unless told otherwise,
 * so a run cannot always delete its own folder: folders of runs whose process is gone are removed here.
 */
export async function createE2eDataDir(): Promise<string> {
  const tmp = os.tmpdir();
  for (const name of await fs.readdir(tmp).catch(() => [])) {
    const dir = path.join(tmp, name);
    if (name.startsWith(PREFIX) && !ownerAlive(dir)) await fs.rm(dir, { recursive: true, force: true }).catch(() => {});
  }
  // Mode 700: as root, the embedded database makes it reachable for the postgres user itself (lib/db/embedded.ts).
  const dir = await fs.mkdtemp(path.join(tmp, PREFIX));
  await fs.writeFile(path.join(dir, "owner.pid"), String(process.pid));
  return dir;
}

/**
 * Where the e2e server of a port says which data folder it serves: journeys that reach its database (no test-only
 * endpoint exists in the build) open it from there, with the folder's own password (lib/db/embedded.ts).
 */
export const e2eServerFile = (port: number) => path.resolve(import.meta.dirname, "..", "..", "e2e", ".server", `${port}.json`);
