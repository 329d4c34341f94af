import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDeploy } from "@/lib/db/migrate";

/**
 * The migrations applied to an empty database must give exactly the schema that prisma/schema.prisma
 * describes: A gets `prisma migrate deploy`, B gets the SQL Prisma would write for the schema from nothing.
 * Hand-written additions (CHECK constraints, triggers, one partial index) exist only in A and are checked
 * separately, so dropping them fails this test too. Column order is not compared: a later migration can only
 * append columns (ALTER TABLE ADD COLUMN), while the schema lists them where they belong.
 */

const prismaBin = path.resolve(process.cwd(), "node_modules", ".bin", "prisma");

/** Written by hand at the bottom of the migrations: not expressible in schema.prisma. */
const HAND_WRITTEN_INDEXES = new Set(["ledger_accounts_platform_type_key", "disputes_one_open_per_order"]);

/** The test database's URL with another database name: same server, user and options. */
function urlOf(database: string) {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Tables, columns, indexes, keys and enums of the public schema, as sorted plain data. */
async function catalogSnapshot(client: pg.Client) {
  const tables = await client.query(`
    SELECT table_name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
     ORDER BY table_name`);
  const columns = await client.query(`
    SELECT table_name, column_name, data_type, udt_name, character_maximum_length, numeric_precision,
           datetime_precision, is_nullable, column_default
      FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
     ORDER BY table_name, column_name`);
  const indexes = await client.query(`
    SELECT tablename, indexname, indexdef FROM pg_indexes
     WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
     ORDER BY tablename, indexname`);
  const constraints = await client.query(`
    SELECT c.conrelid::regclass::text AS table_name, c.conname, c.contype, pg_get_constraintdef(c.oid) AS definition
      FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
     WHERE n.nspname = 'public' AND c.contype IN ('p', 'u', 'f') AND c.conrelid::regclass::text <> '_prisma_migrations'
     ORDER BY 1, 2`);
  const enums = await client.query(`
    SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE n.nspname = 'public'
     GROUP BY t.typname ORDER BY t.typname`);
  return {
    tables: tables.rows.map((r) => r.table_name),
    columns: columns.rows,
    indexes: indexes.rows.filter((r) => !HAND_WRITTEN_INDEXES.has(r.indexname)),
    constraints: constraints.rows,
    enums: enums.rows,
  };
}

describe("migrations", () => {
  const suffix = randomBytes(4).toString("hex");
  const migrated = `anxin_test_migrated_${suffix}`;
  const fromSchema = `anxin_test_from_schema_${suffix}`;

  beforeAll(async () => {
    await withClient(urlOf("postgres"), async (admin) => {
      await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(migrated)}`);
      await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(fromSchema)}`);
    });
    const applyFromSchema = async () => {
      // The CLI needs a live database even to print a diff from nothing: it gets the empty database B.
      const { stdout } = await promisify(execFile)(
        prismaBin,
        ["migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
        { env: { ...process.env, DATABASE_URL: urlOf(fromSchema), PRISMA_HIDE_UPDATE_MESSAGE: "1" }, maxBuffer: 10 * 1024 * 1024 },
      );
      expect(stdout).toMatch(/CREATE TABLE/);
      await withClient(urlOf(fromSchema), (client) => client.query(stdout));
    };
    await Promise.all([migrateDeploy(urlOf(migrated)), applyFromSchema()]);
  });

  afterAll(async () => {
    await withClient(urlOf("postgres"), async (admin) => {
      await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(migrated)} WITH (FORCE)`);
      await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(fromSchema)} WITH (FORCE)`);
    });
  });

  it("applied to an empty database give the same tables, columns, indexes, keys and enums as schema.prisma", async () => {
    const fromMigrations = await withClient(urlOf(migrated), catalogSnapshot);
    const fromDatamodel = await withClient(urlOf(fromSchema), catalogSnapshot);
    expect(fromMigrations.tables.length).toBeGreaterThan(5);
    expect(fromMigrations.tables).toEqual(fromDatamodel.tables);
    expect(fromMigrations.enums).toEqual(fromDatamodel.enums);
    expect(fromMigrations.columns).toEqual(fromDatamodel.columns);
    expect(fromMigrations.indexes).toEqual(fromDatamodel.indexes);
    expect(fromMigrations.constraints).toEqual(fromDatamodel.constraints);
  });

  it("keep the hand-written ledger constraints and triggers", async () => {
    await withClient(urlOf(migrated), async (client) => {
      const checks = await client.query(`SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE contype = 'c'`);
      const byName = Object.fromEntries(checks.rows.map((r) => [r.conname, r.def]));
      expect(byName.ledger_accounts_no_overdraft).toMatch(/allow_negative OR \(balance >= 0\)/);
      expect(byName).toHaveProperty("postings_amount_nonzero");
      expect(byName).toHaveProperty("ledger_accounts_currency_cny");

      const triggers = await client.query(`
        SELECT t.tgname, c.relname, t.tgconstraint <> 0 AS is_constraint, p.proname
          FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
         WHERE NOT t.tgisinternal`);
      const trigger = (name: string) => triggers.rows.find((r) => r.tgname === name);
      expect(trigger("postings_journal_balanced")).toMatchObject({ relname: "postings", is_constraint: true, proname: "ledger_check_journal_balanced" });
      expect(trigger("journals_append_only")).toMatchObject({ relname: "journals", proname: "ledger_refuse_change" });
      expect(trigger("postings_append_only")).toMatchObject({ relname: "postings", proname: "ledger_refuse_change" });

      const partial = await client.query(`SELECT indexdef FROM pg_indexes WHERE indexname = 'ledger_accounts_platform_type_key'`);
      expect(partial.rows[0]?.indexdef).toMatch(/^CREATE UNIQUE INDEX ledger_accounts_platform_type_key ON .* WHERE .*\buser_id IS NULL\b/);
    });
    // The schema alone has none of them: they live only in the migrations' hand-written SQL.
    await withClient(urlOf(fromSchema), async (client) => {
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM pg_trigger WHERE NOT tgisinternal`);
      expect(rows[0].n).toBe(0);
    });
  });

  it("the comparison notices a drifted column", async () => {
    await withClient(urlOf(fromSchema), async (client) => {
      await client.query(`ALTER TABLE users ALTER COLUMN name DROP NOT NULL`);
      try {
        const fromMigrations = await withClient(urlOf(migrated), catalogSnapshot);
        expect(await catalogSnapshot(client)).not.toEqual(fromMigrations);
      } finally {
        await client.query(`ALTER TABLE users ALTER COLUMN name SET NOT NULL`);
      }
    });
  });
});
