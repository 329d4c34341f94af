import { describe, expect, it } from "vitest";
import { amount, dateTime, identifier, neutralise, platformDate, platformDateTime, toField } from "./cell-policy";
import { csvStream } from "./stream";
import { parseCsv, readText } from "@/tests/csv";

describe("CSV cell policy", () => {
  it("neutralises every cell a spreadsheet would run as a formula", () => {
    const formulas = ["=1+1", "+1+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1", "=HYPERLINK(\"http://x\")", "＝1+1", "＋1", "－1", "＠A1", "  =1+1", "\u3000=1", "\n=1"];
    for (const text of formulas) expect(neutralise(text), JSON.stringify(text)).toBe(`'${text}`);
  });

  it("leaves ordinary text alone and removes bidi overrides", () => {
    for (const text of ["李明", "buyer1@anxin.test", "a=b", "1-2", "", "'quoted'"]) expect(neutralise(text)).toBe(text);
    expect(neutralise("invoice\u202Efdp.exe")).toBe("invoicefdp.exe");
    expect(neutralise("\u202E=1+1")).toBe("'=1+1");
  });

  it("writes order numbers as text behind a tab, amounts as plain numbers, times in Asia/Shanghai without milliseconds", () => {
    expect(identifier("2026112400000123").safe).toBe("\t2026112400000123");
    expect(identifier("=1").safe).toBe("\t'=1");
    expect(amount(123_456n).safe).toBe("1234.56");
    expect(amount(null).safe).toBe("");
    expect(dateTime(new Date("2026-11-23T16:05:09.987Z")).safe).toBe("2026-11-24 00:05:09");
    expect(platformDateTime(new Date("2026-12-31T15:59:59.999Z"))).toBe("2026-12-31 23:59:59");
    expect(platformDate(new Date("2026-12-31T16:00:00Z"))).toBe("2027-01-01");
    expect(toField(null)).toBe("");
    expect(toField("-5")).toBe("'-5");
  });
});

describe("CSV writer", () => {
  async function* from(rows: string[][]) {
    yield* rows;
  }

  it("starts with a UTF-8 byte order mark, ends lines with CRLF, quotes what needs quoting and neutralises every text cell", async () => {
    const text = await readText(csvStream(["名称", "备注"], from([["a,b", 'say "hi"'], ["line\nbreak", "=cmd|' /C calc'!A0"]])));
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1)).toBe('名称,备注\r\n"a,b","say ""hi"""\r\n"line\nbreak",\'=cmd|\' /C calc\'!A0\r\n');
    expect(parseCsv(text)).toEqual([["名称", "备注"], ["a,b", 'say "hi"'], ["line\nbreak", "'=cmd|' /C calc'!A0"]]);
  });

  it("pulls rows only as fast as the reader reads: the rows are never all in memory", async () => {
    let produced = 0;
    async function* many() {
      for (let i = 0; i < 1_000_000; i++) {
        produced++;
        yield [`row ${i}`, "x".repeat(50)];
      }
    }
    const reader = csvStream(["a", "b"], many()).getReader();
    await reader.read();
    await reader.read();
    expect(produced).toBeGreaterThan(0);
    expect(produced).toBeLessThan(10_000);
    await reader.cancel();
  });
});
