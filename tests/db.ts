import { prisma } from "@/lib/db/client";
import { clearSettingsCache } from "@/lib/settings/settings";

/** Empties every table but the migrations', so a test starts from nothing. */
export async function resetDatabase() {
  clearSettingsCache();
  const tables = await prisma.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  if (tables.length === 0) return;
  await prisma.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(", ")} RESTART IDENTITY CASCADE`);
}

export { prisma };
