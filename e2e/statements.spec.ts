import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { fenOf, storageStateFor } from "./helpers";

/** The month's statement of the demo buyer: figures on the page, the CSV (with its progress) and the PDF. */
test.describe("statements @statements @fund", () => {
  test.use({ storageState: storageStateFor("buyer") });

  test("the wallet's and the fund's month: opening + in − out = closing, the CSV and the PDF say the same", async ({ page }) => {
    await page.goto("/buyer/statements");
    const figure = async (id: string) => fenOf(await page.getByTestId(id).innerText());
    const [opening, moneyIn, moneyOut, closing] = [await figure("statement-opening"), await figure("statement-in"), await figure("statement-out"), await figure("statement-closing")];
    expect(opening + moneyIn - moneyOut).toBe(closing);
    await expect(page.getByTestId("statement-row").first()).toBeVisible();

    const download = page.waitForEvent("download");
    await page.getByTestId("statement-csv").click();
    await expect(page.getByTestId("csv-progress")).toContainText("已下载");
    const file = await (await download).path();
    const csv = readFileSync(file!, "utf8");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain("期末余额");
    expect(csv).toContain(`closing,期末余额,${(Number(closing) / 100).toFixed(2)}`);
    expect(csv).toContain(await page.getByTestId("statement-chain").innerText());

    const pdfHref = await page.getByTestId("statement-pdf").getAttribute("href");
    const pdf = await page.request.get(pdfHref!);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    const dir = mkdtempSync(path.join(tmpdir(), "anxin-e2e-pdf-"));
    writeFileSync(path.join(dir, "s.pdf"), await pdf.body());
    execFileSync("pdftotext", ["-layout", path.join(dir, "s.pdf"), path.join(dir, "s.txt")]);
    const text = readFileSync(path.join(dir, "s.txt"), "utf8");
    expect(text).toContain("李明");
    expect(text).toContain(await page.getByTestId("statement-closing").innerText());

    // The fund holding has its own statement; another account type in the link is not this buyer's: 404.
    await page.getByLabel("账户").selectOption("FUND");
    await page.getByRole("button", { name: "查看" }).click();
    await expect(page.getByTestId("statement-period")).toContainText("安心宝");
    expect((await page.request.get("/api/statements/csv?account=RESERVE")).status()).toBe(404);
    expect((await page.request.get("/api/statements/csv?account=BANK")).status()).toBe(400);
  });
});
