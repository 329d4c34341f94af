import path from "node:path";
import { StartupError } from "@/lib/db/startup-error";

/** The project folder (scripts run from anywhere, but prisma, next and tsx are found relative to it). */
export const PROJECT_ROOT = path.resolve(import.meta.dirname, "..", "..");

export type Settings = {
  port: number;
  dataDir: string;
  /** Fixed port for the embedded database; a free one is picked when unset. */
  dbPort?: number;
  /** An external database; when unset the embedded one is used. */
  databaseUrl?: string;
};

function parsePort(name: string, value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new StartupError(`${name}=${value} is not a port number (1–65535).`);
  }
  return port;
}

export function readSettings(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Settings> = {}): Settings {
  return {
    port: env.PORT ? parsePort("PORT", env.PORT) : 3000,
    dataDir: path.resolve(PROJECT_ROOT, env.ANXIN_DATA_DIR || ".data"),
    dbPort: env.ANXIN_DB_PORT ? parsePort("ANXIN_DB_PORT", env.ANXIN_DB_PORT) : undefined,
    databaseUrl: env.DATABASE_URL || undefined,
    ...overrides,
  };
}
