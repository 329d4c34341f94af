import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";

const serverUrl = inject("dbServerUrl");
const database = `anxin_test_${randomBytes(6).toString("hex")}`;
const admin = new pg.Client({ connectionString: `${serverUrl}/postgres` });
await admin.connect();
await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(database)} TEMPLATE anxin_test_template`);
await admin.end();
process.env.DATABASE_URL = `${serverUrl}/${database}`;

afterAll(async () => {
  const { prisma } = await import("@/lib/db/client");
  await prisma.$disconnect();
  const client = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(database)} WITH (FORCE)`);
  await client.end();
});
