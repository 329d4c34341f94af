import { defineConfig } from "prisma/config";
import { MigrationPg } from "./lib/db/migration-adapter";

// Engine-free Prisma: the CLI talks to PostgreSQL through the pg driver adapter, so no native
// engine download is needed (see ../shared/docs/stack-notes.md).
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new MigrationPg({ connectionString: process.env.DATABASE_URL! }),
} as never);
