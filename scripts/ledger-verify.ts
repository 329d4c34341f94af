/**
 * `npm run ledger:verify`: checks every ledger invariant (lib/ledger/verify.ts) on the database of
 * DATABASE_URL, or on the embedded one in ANXIN_DATA_DIR (default .data). Exit 1 on any violation.
 */
import { verifyLedger } from "@/lib/ledger/verify";
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
  const ok = await withPrisma(db.url, async (prisma) => {
    const violations = await verifyLedger(prisma);
    for (const v of violations) console.error(`✖ ${v.rule}: ${v.detail}`);
    if (violations.length > 0) return false;
    const [journals, postings, accounts] = await Promise.all([prisma.journal.count(), prisma.posting.count(), prisma.ledgerAccount.count()]);
    console.log(`✔ Ledger verified: ${journals} journals, ${postings} postings, ${accounts} accounts, all invariants hold`);
    return true;
  });
  await lifecycle.shutdown(ok ? 0 : 1);
});
