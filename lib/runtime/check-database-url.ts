import pg from "pg";
import { StartupError } from "@/lib/db/startup-error";

const HINT = "Check DATABASE_URL, or unset it to use the embedded database.";

function describe(error: unknown, timeoutMs: number): string {
  const e = error as { code?: string; message?: string };
  switch (e?.code) {
    case "ECONNREFUSED":
      return "ECONNREFUSED: nothing is listening there";
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `${e.code}: the host name does not resolve`;
    case "ETIMEDOUT":
      return "ETIMEDOUT: no answer";
    case "28P01":
      return "28P01: password authentication failed";
    case "28000":
      return "28000: the server refused this user or client address";
    case "3D000":
      return "3D000: the database does not exist";
  }
  if (/timeout/i.test(e?.message ?? "")) return `no answer within ${timeoutMs / 1000} s`;
  return [e?.code, e?.message].filter(Boolean).join(": ") || String(error);
}

/** Fails fast, in one line, when DATABASE_URL names a database that cannot be used. */
export async function checkDatabaseUrl(url: string, timeoutMs = 5_000) {
  let where: string;
  try {
    const parsed = new URL(url);
    if (!/^postgres(ql)?:$/.test(parsed.protocol)) throw new Error("not postgres");
    where = `${parsed.hostname || "localhost"}:${parsed.port || 5432}`;
  } catch {
    throw new StartupError(`DATABASE_URL is not a postgresql:// URL. ${HINT}`);
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs });
  client.on("error", () => {}); // a late socket error after a failed connect must not crash start-up
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    throw new StartupError(`Cannot connect to the database at ${where} (${describe(error, timeoutMs)}). ${HINT}`);
  } finally {
    await client.end().catch(() => {});
  }
}
