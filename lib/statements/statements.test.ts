import fc from "fast-check";
import { createTranslator } from "next-intl";
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { inTransaction } from "@/lib/db/transaction";
import { verifyLedger } from "@/lib/ledger/verify";
import { addDays, platformDayStart } from "@/lib/time/platform-day";
import { prisma, resetDatabase } from "@/tests/db";
import { readText } from "@/tests/csv";
import { readPool } from "@/lib/db/read-pool";
import { createUser } from "@/tests/fixtures";
import { transfer } from "@/tests/ledger-helpers";
import { ownStatementAccount, ownStatementAccounts } from "./accounts";
import { statementCsv } from "./csv";
import { dayPeriod, monthPeriod } from "./period";
import { statementRows, statementSummary } from "./statement";
import { verifyStatementCsv } from "./verify";

const messages = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../messages/zh-CN.json"), "utf8"));
const translator = createTranslator({ locale: "zh-CN", messages });
const labels = { t: (key: string, values?: Record<string, string | number>) => translator(key as never, values as never), has: (key: string) => translator.has(key as never) };
const DAY0 = "2026-10-01";

/** Moves the postings onto the days given per journal (in posting order, as time runs): history over weeks. */
async function spreadOverDays(days: number[]) {
  const journals = await prisma.journal.findMany({ orderBy: { id: "asc" }, select: { id: true } });
  await prisma.$executeRawUnsafe("ALTER TABLE postings DISABLE TRIGGER USER");
  try {
    for (const [i, j] of journals.entries()) {
      const at = new Date(platformDayStart(addDays(DAY0, days[Math.min(i, days.length - 1)])).getTime() + 3_600_000 + i * 1000);
      await prisma.$executeRaw`UPDATE postings SET created_at = ${at} WHERE journal_id = ${j.id}`;
    }
  } finally {
    await prisma.$executeRawUnsafe("ALTER TABLE postings ENABLE TRIGGER USER");
  }
}

async function csvOf(accountId: string, from: string, to: string) {
  const period = dayPeriod(from, to);
  const summary = await statementSummary(prisma, accountId, period);
  return readText(statementCsv(readPool(), { holder: "李明", accountCode: "user:x:WALLET:CNY", accountName: "钱包", period, summary }, labels));
}

describe("statements", () => {
  beforeEach(resetDatabase);

  it("for random histories and periods: opening + in − out = closing, the closing balance is the ledger's at the end, the rows are the period's postings, and the CSV verifies", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ fen: fc.bigInt({ min: 1n, max: 500_000n }), day: fc.integer({ min: 0, max: 60 }), back: fc.boolean() }), { minLength: 1, maxLength: 14 }),
        fc.integer({ min: 0, max: 70 }),
        fc.integer({ min: 0, max: 40 }),
        async (moves, fromDay, length) => {
          await resetDatabase();
          const a = await createUser("BUYER", { balanceFen: 5_000_000n });
          const b = await createUser("BUYER", { balanceFen: 5_000_000n });
          for (const m of moves) await inTransaction(prisma, (tx) => (m.back ? transfer(tx, b.id, a.id, m.fen) : transfer(tx, a.id, b.id, m.fen)));
          // The two top-ups on day 0, then each move on its day, in order.
          const days = [0, 0, ...moves.map((m) => m.day).sort((x, y) => x - y)];
          await spreadOverDays(days);
          const account = await ownStatementAccount(prisma, a.actor, "WALLET");
          const from = addDays(DAY0, fromDay);
          const to = addDays(from, length);
          const period = dayPeriod(from, to);
          const s = await statementSummary(prisma, account.id, period);
          const postings = await prisma.posting.findMany({ where: { accountId: account.id }, orderBy: { id: "asc" } });
          const before = postings.filter((p) => p.createdAt < period.start);
          const inside = postings.filter((p) => p.createdAt >= period.start && p.createdAt < period.end);
          const upToEnd = postings.filter((p) => p.createdAt < period.end);
          expect(s.openingFen).toBe(before.at(-1)?.balanceAfter ?? 0n);
          expect(s.closingFen).toBe(upToEnd.at(-1)?.balanceAfter ?? 0n);
          expect(s.openingFen + s.inFen - s.outFen).toBe(s.closingFen);
          expect(s.count).toBe(inside.length);
          const rows = [];
          for await (const r of statementRows(prisma, s, 3)) rows.push(r.id);
          expect(rows).toEqual(inside.map((p) => p.id));
          const check = await verifyStatementCsv(prisma, await csvOf(account.id, from, to));
          expect(check.problems).toEqual([]);
        },
      ),
      { numRuns: 12 },
    );
  });

  it("a month is its calendar days in Beijing time; a month without movements has opening = closing", async () => {
    expect(monthPeriod("2026-02")).toMatchObject({ from: "2026-02-01", to: "2026-02-28" });
    expect(monthPeriod("2026-12")).toMatchObject({ from: "2026-12-01", to: "2026-12-31" });
    expect(monthPeriod("2026-11").start.toISOString()).toBe("2026-10-31T16:00:00.000Z");
    expect(() => dayPeriod("2026-11-02", "2026-11-01")).toThrow(RangeError);
    const a = await createUser("BUYER", { balanceFen: 12_345n });
    await spreadOverDays([0]);
    const account = await ownStatementAccount(prisma, a.actor, "WALLET");
    const later = await statementSummary(prisma, account.id, monthPeriod("2026-12"));
    expect(later).toMatchObject({ openingFen: 12_345n, closingFen: 12_345n, inFen: 0n, outFen: 0n, count: 0 });
    expect(later.closingHash).toBe(later.openingHash);
  });

  it("only the holder's own accounts have statements: another user's, or an account type without statements, is not found", async () => {
    const a = await createUser("BUYER", { balanceFen: 100n });
    const b = await createUser("BUYER");
    const admin = await createUser("ADMIN");
    expect((await ownStatementAccounts(prisma, a.actor)).map((x) => x.type)).toEqual(["WALLET"]);
    // Nothing names an account but the actor: another user asking for "WALLET" gets their own, never a's.
    const mine = await ownStatementAccount(prisma, a.actor, "WALLET");
    const theirs = await ownStatementAccount(prisma, b.actor, "WALLET");
    expect(theirs.id).not.toBe(mine.id);
    await expect(ownStatementAccount(prisma, b.actor, "FUND")).rejects.toMatchObject({ code: "not_found" });
    await expect(ownStatementAccount(prisma, a.actor, "BANK_CLEARING")).rejects.toMatchObject({ code: "not_found" });
    await expect(ownStatementAccount(prisma, a.actor, "__proto__")).rejects.toMatchObject({ code: "not_found" });
    await expect(ownStatementAccounts(prisma, admin.actor)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("a posting edited behind the ledger's back fails both ledger:verify and statement:verify", async () => {
    const a = await createUser("BUYER", { balanceFen: 100_000n });
    const b = await createUser("BUYER");
    for (const fen of [1_000n, 2_500n, 700n]) await inTransaction(prisma, (tx) => transfer(tx, a.id, b.id, fen));
    const account = await ownStatementAccount(prisma, a.actor, "WALLET");
    const today = new Date().toISOString().slice(0, 10);
    const csv = await csvOf(account.id, addDays(today, -1), addDays(today, 1));
    expect((await verifyStatementCsv(prisma, csv)).problems).toEqual([]);
    expect(await verifyLedger(prisma)).toEqual([]);

    // Someone with database access changes one movement's amount and running balance, triggers off.
    const victim = await prisma.posting.findFirstOrThrow({ where: { accountId: account.id, amount: -2_500n } });
    await prisma.$executeRawUnsafe("ALTER TABLE postings DISABLE TRIGGER USER");
    await prisma.$executeRaw`UPDATE postings SET amount = -250, balance_after = balance_after + 2250 WHERE id = ${victim.id}`;
    await prisma.$executeRawUnsafe("ALTER TABLE postings ENABLE TRIGGER USER");

    expect((await verifyLedger(prisma)).map((v) => v.rule)).toContain("hash_chain_intact");
    const check = await verifyStatementCsv(prisma, csv);
    expect(check.problems.some((p) => p.includes(`posting ${victim.id}`))).toBe(true);
    // A CSV edited by hand does not verify either.
    const edited = csv.replace(/\r\n([^\r\n]*)$/, "").replace(/,7\.00,/, ",70.00,");
    expect((await verifyStatementCsv(prisma, edited)).problems.length).toBeGreaterThan(0);
    expect((await verifyStatementCsv(prisma, "not,a\nstatement")).problems.length).toBeGreaterThan(0);
  });
});
