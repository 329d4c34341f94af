import path from "node:path";
import PDFDocument from "pdfkit";
import type { Tx } from "@/lib/db/transaction";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { formatFen } from "@/lib/money/fen";
import { platformDateTime } from "@/lib/csv/cell-policy";
import { describeRow, type Translate } from "./describe";
import type { Period } from "./period";
import { statementRows, type StatementSummary } from "./statement";

/**
 * A CJK font from npm (Noto Sans SC, SIL Open Font License), embedded by pdfkit as a subset of the glyphs the
 * statement uses, so Chinese renders in any reader without fonts of its own. Read from the project's
 * node_modules at run time (the web server runs in the project folder; pdfkit stays out of the bundle).
 */
const FONT = path.join(process.cwd(), "node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf");

const MARGIN = 48;
/** Time, description, in, out, balance. */
const COLUMNS = [
  { width: 110, align: "left" },
  { width: 195, align: "left" },
  { width: 70, align: "right" },
  { width: 70, align: "right" },
  { width: 75, align: "right" },
] as const;

export type StatementPdfInput = {
  holder: string;
  accountCode: string;
  accountName: string;
  period: Pick<Period, "from" | "to">;
  summary: StatementSummary;
};

/**
 * The statement as a PDF in the reader's language: the platform's name, holder, account, period, opening and
 * closing balance, totals, every movement with its running balance, the closing check value, and "page n of
 * m" on every page. Made on the server with pdfkit (no browser).
 */
export async function statementPdf(db: PrismaClient | Tx, input: StatementPdfInput, labels: { t: Translate; has: (key: string) => boolean }): Promise<Buffer> {
  const { t, has } = labels;
  const s = input.summary;
  const doc = new PDFDocument({ size: "A4", margin: MARGIN, bufferPages: true, info: { Title: `${t("statements.pdf.title")} ${input.period.from} – ${input.period.to}`, Author: t("statements.pdf.platform") } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.registerFont("cjk", FONT);
  doc.font("cjk");

  doc.fontSize(16).text(`${t("statements.pdf.platform")} · ${t("statements.pdf.title")}`);
  doc.moveDown(0.5).fontSize(10);
  const facts: [string, string][] = [
    [t("statements.pdf.holder"), input.holder],
    [t("statements.pdf.account"), `${input.accountName} (${input.accountCode})`],
    [t("statements.pdf.period"), `${input.period.from} – ${input.period.to}`],
    [t("statements.pdf.opening"), formatFen(s.openingFen)],
    [t("statements.pdf.in"), formatFen(s.inFen)],
    [t("statements.pdf.out"), formatFen(s.outFen)],
    [t("statements.pdf.closing"), formatFen(s.closingFen)],
  ];
  for (const [label, value] of facts) doc.text(`${label}: ${value}`);
  doc.fontSize(7).fillColor("#475569").text(`${t("statements.pdf.chain")}: ${s.closingHash ?? "—"}`);
  doc.fillColor("#000000").moveDown(0.8);

  const header = () => {
    doc.fontSize(9).fillColor("#334155");
    row([t("statements.time"), t("statements.movement"), t("statements.amountIn"), t("statements.amountOut"), t("statements.balance")]);
    doc.fillColor("#000000");
  };
  const row = (cells: string[]) => {
    const y = doc.y;
    let x = MARGIN;
    let height = 0;
    cells.forEach((text, i) => {
      const c = COLUMNS[i];
      height = Math.max(height, doc.heightOfString(text, { width: c.width - 6 }));
      doc.text(text, x, y, { width: c.width - 6, align: c.align });
      x += c.width;
    });
    doc.x = MARGIN;
    doc.y = y + height + 3;
  };
  header();
  doc.fontSize(9);
  let any = false;
  for await (const r of statementRows(db, s)) {
    any = true;
    if (doc.y > doc.page.height - MARGIN - 40) {
      doc.addPage();
      header();
      doc.fontSize(9);
    }
    row([
      platformDateTime(r.createdAt),
      describeRow(r, t, has),
      r.amount > 0n ? formatFen(r.amount) : "",
      r.amount < 0n ? formatFen(-r.amount) : "",
      formatFen(r.balanceAfter),
    ]);
  }
  if (!any) doc.text(t("statements.pdf.none"));

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // The footer sits in the bottom margin: without this, writing there would start a new page.
    doc.page.margins.bottom = 0;
    doc.fontSize(8).fillColor("#475569");
    doc.text(t("statements.pdf.page", { page: i + 1, pages: range.count }), MARGIN, doc.page.height - MARGIN + 10, { width: doc.page.width - 2 * MARGIN, align: "center", lineBreak: false });
  }
  doc.end();
  return done;
}
