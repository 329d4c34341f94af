/**
 * `npm run statement:verify -- <statement.csv>`: checks a downloaded statement on its own (totals, running
 * balances, its hash chain) and against the ledger (lib/statements/verify.ts), on the database of
 * DATABASE_URL or the embedded one in ANXIN_DATA_DIR (default .data), while the portal runs or not. Exit 1 on
 * any problem.
 */
import { readFileSync } from "node:fs";
import { runOnDatabase } from "@/lib/runtime/run-on-database";
import { verifyStatementCsv } from "@/lib/statements/verify";

const file = process.argv[2];
if (!file) {
  console.error("Usage: npm run statement:verify -- <statement.csv>");
  process.exit(2);
}
let text: string;
try {
  text = readFileSync(file, "utf8");
} catch (error) {
  console.error(`✖ Cannot read ${file}: ${(error as Error).message}`);
  process.exit(2);
}

await runOnDatabase(async (prisma) => {
  const check = await verifyStatementCsv(prisma, text);
  for (const problem of check.problems) console.error(`✖ ${problem}`);
  if (check.problems.length > 0) return 1;
  console.log(`✔ Statement verified: ${check.rows} movements of account ${check.accountId}, chain ends at ${check.closingHash ?? "(no movement yet)"}`);
  return 0;
});
