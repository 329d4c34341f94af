import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTranslator } from "next-intl";
import { beforeEach, describe, expect, it } from "vitest";
import { inTransaction } from "@/lib/db/transaction";
import { formatFen } from "@/lib/money/fen";
import { addDays } from "@/lib/time/platform-day";
import { prisma, resetDatabase } from "@/tests/db";
import { createUser } from "@/tests/fixtures";
import { transfer } from "@/tests/ledger-helpers";
import { ownStatementAccount } from "./accounts";
import { dayPeriod } from "./period";
import { statementPdf } from "./pdf";
import { statementSummary } from "./statement";

/** The text of a PDF, as poppler's pdftotext reads it (.ci/run installs poppler-utils). */
function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), "anxin-pdf-"));
  writeFileSync(path.join(dir, "s.pdf"), pdf);
  execFileSync("pdftotext", ["-layout", path.join(dir, "s.pdf"), path.join(dir, "s.txt")]);
  return readFileSync(path.join(dir, "s.txt"), "utf8");
}

const labelsFor = (locale: "zh-CN" | "en") => {
  const messages = JSON.parse(readFileSync(path.resolve(import.meta.dirname, `../../messages/${locale}.json`), "utf8"));
  const t = createTranslator({ locale, messages });
  return { t: (key: string, values?: Record<string, string | number>) => t(key as never, values as never), has: (key: string) => t.has(key as never) };
};

describe("statement PDF", () => {
  beforeEach(resetDatabase);

  it("renders Chinese with the embedded font: the holder, the account, the closing balance, the movements and page numbers", async () => {
    const a = await createUser("BUYER", { balanceFen: 500_000n });
    const b = await createUser("BUYER");
    await prisma.user.update({ where: { id: a.id }, data: { name: "李明" } });
    for (let i = 0; i < 45; i++) await inTransaction(prisma, (tx) => transfer(tx, a.id, b.id, 1_234n + BigInt(i)));
    const account = await ownStatementAccount(prisma, a.actor, "WALLET");
    const today = new Date().toISOString().slice(0, 10);
    const period = dayPeriod(addDays(today, -1), addDays(today, 1));
    const summary = await statementSummary(prisma, account.id, period);
    const pdf = await statementPdf(prisma, { holder: account.holder, accountCode: account.code, accountName: "钱包", period, summary }, labelsFor("zh-CN"));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = pdfText(pdf);
    expect(text).toContain("李明");
    expect(text).toContain("安心付");
    expect(text).toContain("钱包");
    expect(text).toContain(formatFen(summary.closingFen));
    expect(text).toMatch(/第\s*1\s*\/\s*2\s*页/);
    expect(text).toContain("充值");

    const en = pdfText(await statementPdf(prisma, { holder: account.holder, accountCode: account.code, accountName: "Wallet", period, summary }, labelsFor("en")));
    expect(en).toContain("Closing balance");
    expect(en).toContain("李明");
    expect(en).toMatch(/Page 2 of 2/);
  });
});
