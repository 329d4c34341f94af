import { beforeEach, describe, expect, it } from "vitest";
import { userAccountCode, platformAccountCode } from "@/lib/ledger/accounts";
import { DEMO_ACCOUNTS, seedDemoData } from "@/lib/seed/demo";
import { prisma, resetDatabase } from "@/tests/db";
import { verifyLedger } from "./verify";

const rules = async () => (await verifyLedger(prisma)).map((v) => v.rule).sort();

describe("verifyLedger on the demo data", () => {
  beforeEach(async () => {
    await resetDatabase();
    await seedDemoData(prisma);
  });

  it("finds the seeded demo ledger clean, with the demo balances", async () => {
    expect(await verifyLedger(prisma)).toEqual([]);
    for (const account of DEMO_ACCOUNTS.filter((a) => a.role !== "ADMIN")) {
      const user = await prisma.user.findUniqueOrThrow({ where: { email: account.email } });
      const wallet = await prisma.ledgerAccount.findUniqueOrThrow({ where: { code: userAccountCode(user.id, "WALLET") } });
      expect(wallet.balance).toBe(account.walletAfterSeedFen ?? account.balanceFen ?? 0n);
    }
  });

  it("reports a wallet balance changed behind the ledger's back", async () => {
    const buyer = await prisma.user.findUniqueOrThrow({ where: { email: "buyer1@anxin.test" } });
    const code = userAccountCode(buyer.id, "WALLET");
    await prisma.$executeRaw`UPDATE ledger_accounts SET balance = balance + 1 WHERE code = ${code}`;
    const violations = await verifyLedger(prisma);
    expect(violations.map((v) => v.rule).sort()).toEqual(["accounts_sum_to_zero", "balance_matches_postings"]);
    expect(violations.find((v) => v.rule === "balance_matches_postings")?.detail).toContain(code);
    expect(violations.find((v) => v.rule === "accounts_sum_to_zero")?.detail).toContain("1 fen");
  });

  it("reports the accounts summing below zero when the platform's side is pushed down", async () => {
    const code = platformAccountCode("BANK_CLEARING");
    await prisma.$executeRaw`UPDATE ledger_accounts SET balance = balance - 250 WHERE code = ${code}`;
    expect(await rules()).toEqual(["accounts_sum_to_zero", "balance_matches_postings"]);
    const violations = await verifyLedger(prisma);
    expect(violations.find((v) => v.rule === "accounts_sum_to_zero")?.detail).toBe("all balances sum to -250 fen");
  });
});
