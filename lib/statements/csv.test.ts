import { readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { beforeEach, describe, expect, it } from "vitest";
import { amount, dateTime, identifier } from "@/lib/csv/cell-policy";
import { csvStream } from "@/lib/csv/stream";
import { readPool } from "@/lib/db/read-pool";
import { inTransaction } from "@/lib/db/transaction";
import { addDays } from "@/lib/time/platform-day";
import { readText } from "@/tests/csv";
import { prisma, resetDatabase } from "@/tests/db";
import { createUser } from "@/tests/fixtures";
import { transfer } from "@/tests/ledger-helpers";
import { ownStatementAccount } from "./accounts";
import { statementCsv } from "./csv";
import { describeRow } from "./describe";
import { dayPeriod } from "./period";
import { statementRows, statementSummary } from "./statement";

const labelsFor = (locale: "zh-CN" | "en") => {
  const messages = JSON.parse(readFileSync(path.resolve(import.meta.dirname, `../../messages/${locale}.json`), "utf8"));
  const translator = createTranslator({ locale, messages });
  return { t: (key: string, values?: Record<string, string | number>) => translator(key as never, values as never), has: (key: string) => translator.has(key as never) };
};

describe("statement CSV export", () => {
  beforeEach(resetDatabase);

  /**
   * The export writes its rows by hand from text on the wire (for speed); the reference here writes the same
   * statement the plain way: Prisma rows, the message formatter for every row, csv-stringify. Byte for byte the
   * same file, across page boundaries, in both languages, with a holder's name that tries a formula, quotes and a line break.
   */
  /**
   * The export writes its rows by hand from PostgreSQL's COPY text (for speed); the reference here writes the
   * same statement the plain way: Prisma rows, the message formatter for every row, csv-stringify. Byte for byte
   * the same file in both languages, over enough rows that COPY sends many chunks (lines and Chinese characters
   * cut at chunk edges), with card references holding Chinese, tabs, backslashes, quotes, commas and line
   * breaks (COPY escapes them; the CSV must quote them), and a holder's name that tries a formula.
   */
  it("is byte for byte what the generic CSV writer makes of the same rows, across COPY chunks and in both languages", async () => {
    const a = await createUser("BUYER", { balanceFen: 1_000_000n });
    const b = await createUser("BUYER", { balanceFen: 1_000_000n });
    for (let i = 0; i < 10; i++) await inTransaction(prisma, (tx) => transfer(tx, i % 3 ? a.id : b.id, i % 3 ? b.id : a.id, BigInt(100 + i * 37)));
    const account = await ownStatementAccount(prisma, a.actor, "WALLET");
    // Many more movements, written set-based behind the ledger's back (the statement only reads them).
    await prisma.$executeRawUnsafe("SET session_replication_role = replica");
    try {
      await prisma.$executeRaw`
        INSERT INTO journals (id, kind, reference, created_at)
        SELECT 900000 + g, 'TOPUP', CASE WHEN g % 7 = 0 THEN E'card:****卡\t号\\\\9"8,7\r\n6' ELSE 'card:****中文' || g END, now()
          FROM generate_series(1, 6000) g`;
      await prisma.$executeRaw`
        INSERT INTO postings (journal_id, account_id, amount, balance_after, created_at)
        SELECT 900000 + g, ${account.id}, CASE WHEN g % 2 = 0 THEN 5 ELSE -3 END, 1000000 + g, now() FROM generate_series(1, 6000) g`;
    } finally {
      await prisma.$executeRawUnsafe("SET session_replication_role = DEFAULT");
    }
    const today = new Date().toISOString().slice(0, 10);
    const period = dayPeriod(addDays(today, -1), addDays(today, 1));
    const summary = await statementSummary(prisma, account.id, period);
    expect(summary.count).toBe(6011);

    for (const locale of ["zh-CN", "en"] as const) {
      const labels = labelsFor(locale);
      const { t } = labels;
      const statement = { holder: "=李明, \"Ming\"\r\n", accountCode: "user:x:WALLET:CNY", accountName: "钱包", period, summary };
      async function* rows() {
        for (const line of [
          ["account", t("statements.csv.account"), statement.accountName, identifier(statement.accountCode)],
          ["accountId", t("statements.csv.accountId"), identifier(summary.accountId)],
          ["period", t("statements.csv.period"), period.from, period.to],
          ["opening", t("statements.csv.opening"), amount(summary.openingFen)],
          ["openingHash", t("statements.csv.openingHash"), summary.openingHash ?? ""],
          ["in", t("statements.csv.in"), amount(summary.inFen)],
          ["out", t("statements.csv.out"), amount(summary.outFen)],
          ["closing", t("statements.csv.closing"), amount(summary.closingFen)],
          ["closingHash", t("statements.csv.closingHash"), summary.closingHash ?? ""],
          ["count", t("statements.csv.count"), String(summary.count)],
          [],
          ["postingId", "journalId", "time", "description", "in", "out", "balance"].map((c) => t(`statements.csv.columns.${c}`)),
        ])
          yield line;
        for await (const r of statementRows(prisma, summary)) {
          yield [
            identifier(r.id.toString()),
            identifier(r.journalId.toString()),
            dateTime(r.createdAt),
            describeRow(r, labels.t, labels.has),
            r.amount > 0n ? amount(r.amount) : "",
            r.amount < 0n ? amount(-r.amount) : "",
            amount(r.balanceAfter),
          ];
        }
      }
      const expected = await readText(csvStream(["holder", t("statements.csv.holder"), statement.holder], rows()));
      expect(await readText(statementCsv(readPool(), statement, labels))).toBe(expected);
      expect(expected).toContain(`卡\t号\\9""8,7\r\n6`);
      expect(expected).toContain(`"'=李明, ""Ming""\r\n"`);
    }
  });

  it("a download the client abandons half way gives its database connection up and stops the COPY", async () => {
    const a = await createUser("BUYER", { balanceFen: 1_000_000n });
    const account = await ownStatementAccount(prisma, a.actor, "WALLET");
    await prisma.$executeRawUnsafe("SET session_replication_role = replica");
    try {
      await prisma.$executeRaw`INSERT INTO journals (id, kind, reference, created_at) SELECT 900000 + g, 'TOPUP', 'card:****0007', now() FROM generate_series(1, 50000) g`;
      await prisma.$executeRaw`INSERT INTO postings (journal_id, account_id, amount, balance_after, created_at) SELECT 900000 + g, ${account.id}, 1, g, now() FROM generate_series(1, 50000) g`;
    } finally {
      await prisma.$executeRawUnsafe("SET session_replication_role = DEFAULT");
    }
    const today = new Date().toISOString().slice(0, 10);
    const period = dayPeriod(addDays(today, -1), addDays(today, 1));
    const summary = await statementSummary(prisma, account.id, period);
    const pool = readPool();
    const reader = statementCsv(pool, { holder: "x", accountCode: "c", accountName: "n", period, summary }, labelsFor("en")).getReader();
    await reader.read(); // the head
    await reader.read(); // the first rows: a connection is now held, in the middle of its COPY
    expect(pool.totalCount - pool.idleCount).toBe(1);
    await reader.cancel();
    expect(pool.totalCount - pool.idleCount).toBe(0);
    // No COPY is left running on the server.
    await expect.poll(() => prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE query LIKE 'COPY (%' AND pid <> pg_backend_pid()`.then((r) => r[0].n)).toBe(0);
  });
});
