import pg from "pg";

const globalForPool = globalThis as unknown as { anxinReadPool?: pg.Pool };

/**
 * A small plain `pg` pool for long streamed reads (statement exports). Prisma returns whole result sets and
 * converts every value into objects; an export of a million rows wants text straight from the wire, a page at a
 * time, on a connection of its own so it never holds one of the money path's pool slots for minutes. Kept small
 * (DB_EXPORT_POOL_MAX, default 4): more concurrent exports wait for a slot rather than load the database.
 */
export function readPool(): pg.Pool {
  if (!globalForPool.anxinReadPool) {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set: start the app with `npm start`.");
    const pool = new pg.Pool({ connectionString, max: Number(process.env.DB_EXPORT_POOL_MAX ?? 4), idleTimeoutMillis: 10_000 });
    // An idle connection the server closes (a restart, an administrator) must not crash the process: pg emits
    // it on the pool, and the pool already drops that connection.
    pool.on("error", (error) => console.error(JSON.stringify({ level: "warn", where: "read-pool", message: error.message })));
    globalForPool.anxinReadPool = pool;
  }
  return globalForPool.anxinReadPool;
}
