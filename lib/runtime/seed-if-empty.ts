import { DEMO_ACCOUNTS, seedDemoDataIfEmpty } from "@/lib/seed/demo";
import { withPrisma } from "./with-prisma";

/** Seeds an empty database; tells whether the demo logins exist (a real database has none). */
export async function seedIfEmpty(url: string): Promise<{ seeded: boolean; demoUsers: boolean }> {
  // The demo's trading history goes through the real escrow steps, which read the settings through the
  // process's one client (lib/db/client.ts): it must reach the database being seeded.
  process.env.DATABASE_URL = url;
  return withPrisma(url, async (db) => {
    const seeded = await seedDemoDataIfEmpty(db);
    if (seeded) console.log(`✔ Demo data created (${DEMO_ACCOUNTS.length} users)`);
    const demoUsers = (await db.user.count({ where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) } } })) > 0;
    return { seeded, demoUsers };
  });
}
