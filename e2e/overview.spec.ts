import { expect, test, type Page } from "@playwright/test";
import { fenOf, storageStateFor } from "./helpers";
import { shippedOrderViaUi } from "./orders-helpers";

/** The admin console's platform overview: figures for a date range, drawn and listed, that move with the trade. */
test.describe("platform overview @admin", () => {
  test.use({ storageState: storageStateFor("admin") });

  const figure = async (page: Page, id: string) => fenOf(await page.getByTestId(id).innerText());
  const count = async (page: Page, id: string) => Number((await page.getByTestId(id).innerText()).replace(/\D/g, ""));

  test("a paid order moves GMV, orders paid and escrow held by its total; the range picker and presets choose the days", async ({ page, browser }) => {
    await page.goto("/admin");
    await expect(page.getByRole("img", { name: "每日资金（元）" })).toBeVisible();
    await expect(page.getByTestId("overview-day")).toHaveCount(30);
    const before = { gmv: await figure(page, "overview-gmv"), paid: await count(page, "overview-orders-paid"), escrow: await figure(page, "overview-escrow") };

    const { merchantContext, buyerContext } = await shippedOrderViaUi(browser, "总览测试的白茶饼", "321.09");
    await merchantContext.close();
    await buyerContext.close();

    await page.reload();
    expect(await figure(page, "overview-gmv")).toBe(before.gmv + 32_109n);
    expect(await count(page, "overview-orders-paid")).toBe(before.paid + 1);
    expect(await figure(page, "overview-escrow")).toBe(before.escrow + 32_109n);

    await page.getByRole("link", { name: "近 7 天" }).click();
    await expect(page.getByTestId("overview-day")).toHaveCount(7);
    await page.getByLabel("开始日期").fill("2026-12-01");
    await page.getByLabel("结束日期").fill("2026-11-01");
    await page.getByRole("button", { name: "查看" }).click();
    await expect(page.getByTestId("range-problem")).toContainText("开始日期（2026-12-01）晚于结束日期（2026-11-01）");
    await expect(page.getByTestId("overview-day")).toHaveCount(30);
  });
});
