/**
 * `npm run db:seed`: the demo users and balances (lib/seed/demo.ts) in the database of DATABASE_URL, or
 * in the embedded one in ANXIN_DATA_DIR (default .data). A database that has users is left alone.
 */
import { DEMO_ACCOUNTS, seedDemoDataIfEmpty } from "@/lib/seed/demo";
import { Lifecycle } from "@/lib/runtime/lifecycle";
import { openDatabase } from "@/lib/runtime/open-database";
import { PROJECT_ROOT, readSettings } from "@/lib/runtime/settings";
import { withPrisma } from "@/lib/runtime/with-prisma";

const lifecycle = new Lifecycle();
lifecycle.handleSignals();
await lifecycle.run(async () => {
  process.chdir(PROJECT_ROOT);
  const db = await openDatabase(readSettings());
  lifecycle.onStop(db.stop);
  const seeded = await withPrisma(db.url, seedDemoDataIfEmpty);
  console.log(seeded ? `✔ Demo data created (${DEMO_ACCOUNTS.length} users).` : "The database already has users: nothing seeded.");
  await lifecycle.shutdown(0);
});
