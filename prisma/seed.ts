/**
 * `npm run db:seed`: the demo users and balances (lib/seed/demo.ts) in the database of DATABASE_URL, or
 * in the embedded one in ANXIN_DATA_DIR (default .data). A database that has users is left alone.
 */
import { runOnDatabase } from "@/lib/runtime/run-on-database";
import { DEMO_ACCOUNTS, seedDemoDataIfEmpty } from "@/lib/seed/demo";

await runOnDatabase(async (prisma) => {
  const seeded = await seedDemoDataIfEmpty(prisma);
  console.log(seeded ? `✔ Demo data created (${DEMO_ACCOUNTS.length} users).` : "The database already has users: nothing seeded.");
  return 0;
});
