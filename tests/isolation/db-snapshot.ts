import { prisma } from "@/tests/db";

/** Every row of every table (as PostgreSQL's text form of the row), per table, sorted. */
export type Snapshot = Map<string, string[]>;

let query: string | undefined;

/** One round trip: each table of the public schema (but the migrations') as a sorted array of row texts. */
export async function snapshot(): Promise<Snapshot> {
  if (!query) {
    const tables = await prisma.$queryRaw<{ tablename: string }[]>`
      SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`;
    query = tables
      .map(({ tablename }) => `SELECT '${tablename}' AS t, coalesce(array_agg(x::text ORDER BY x::text), '{}') AS rows FROM "${tablename}" x`)
      .join(" UNION ALL ");
  }
  const rows = await prisma.$queryRawUnsafe<{ t: string; rows: string[] }[]>(query);
  return new Map(rows.map((r) => [r.t, r.rows]));
}

/** The rows that appeared or disappeared (a changed row is both), as "table: row". */
export function changedRows(before: Snapshot, after: Snapshot): string[] {
  const changes: string[] = [];
  for (const [table, rows] of after) {
    const old = new Set(before.get(table) ?? []);
    const now = new Set(rows);
    for (const row of rows) if (!old.has(row)) changes.push(`${table}: + ${row}`);
    for (const row of old) if (!now.has(row)) changes.push(`${table}: - ${row}`);
  }
  return changes;
}
