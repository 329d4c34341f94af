/**
 * `npm run ledger:verify`: checks every ledger invariant (lib/ledger/verify.ts) on the database of
 * DATABASE_URL, or on the embedded one in ANXIN_DATA_DIR (default .data). Exit 1 on any violation.
 */
import { verifyLedger } from "@/lib/ledger/verify";
import { runOnDatabase } from "@/lib/runtime/run-on-database";

await runOnDatabase(async (prisma) => {
  const violations = await verifyLedger(prisma);
  for (const v of violations) console.error(`✖ ${v.rule}: ${v.detail}`);
  if (violations.length > 0) return 1;
  const [journals, postings, accounts] = await Promise.all([prisma.journal.count(), prisma.posting.count(), prisma.ledgerAccount.count()]);
  console.log(`✔ Ledger verified: ${journals} journals, ${postings} postings, ${accounts} accounts, all invariants hold`);
  return 0;
});
