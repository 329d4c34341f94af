import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { StartupError } from "@/lib/db/startup-error";

/**
 * NEXTAUTH_SECRET from the environment, else one kept in the data folder: sessions survive a restart
 * without anyone having to invent a secret.
 */
export async function readOrCreateAuthSecret(dataDir: string, env = process.env): Promise<string> {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  const file = path.join(dataDir, "auth-secret");
  try {
    await fs.mkdir(dataDir, { recursive: true });
    const existing = await fs.readFile(file, "utf8").catch((e: NodeJS.ErrnoException) => {
      if (e.code === "ENOENT") return null;
      throw e;
    });
    if (existing?.trim()) return existing.trim();
    const secret = randomBytes(32).toString("hex");
    await fs.writeFile(file, secret, { mode: 0o600 });
    return secret;
  } catch (error) {
    throw new StartupError(
      `The data folder ${dataDir} is not usable (${(error as NodeJS.ErrnoException).code ?? "error"} on ${path.basename(file)}). ` +
        `Fix its permissions, choose another folder with ANXIN_DATA_DIR=/some/writable/path, or set NEXTAUTH_SECRET.`,
    );
  }
}
