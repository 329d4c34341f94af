import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { parseCsv } from "../tests/csv";
import { storageStateFor, uniqueEmail } from "./helpers";
import { shippedOrderViaUi } from "./orders-helpers";

const MB = 1024 * 1024;
/** A PNG signature and header followed by filler: the server judges it image/png by its bytes. */
const png = (size: number) => {
  const bytes = Buffer.alloc(Math.floor(size), 0x41);
  Buffer.from("89504e470d0a1a0a0000000d49484452", "hex").copy(bytes);
  return bytes;
};
const SMALL_PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000004000000040802000000269309290000001049444154789c6310cbb803470cc47100263215a1a3043edc0000000049454e44ae426082", "hex");

async function registerMerchant(page: Page) {
  await page.goto("/register?role=MERCHANT");
  await page.getByLabel("名称").fill("边界测试商铺");
  await page.getByLabel("邮箱").fill(uniqueEmail("limits"));
  await page.getByLabel("密码").fill("a-long-enough-password");
  await page.getByTestId("register-submit").click();
  await expect(page).toHaveURL(/\/merchant$/);
}

test.describe("input hardening @hardening", () => {
  test("a 9 MB document gets the size message before anything is sent; a request over the limit gets 413, not a 500", async ({ page }) => {
    await registerMerchant(page);
    await page.goto("/merchant/onboarding?step=4");
    const form = page.getByTestId("upload-BUSINESS_LICENSE");
    const posts: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST") posts.push(request.url());
    });

    await form.locator('input[type="file"]').setInputFiles({ name: "licence.png", mimeType: "image/png", buffer: png(9 * MB) });
    await expect(form.getByTestId("file-problem")).toHaveText("文件不能超过 5 MB。");
    await form.getByRole("button", { name: "上传" }).click();
    await expect(form.getByTestId("file-problem")).toHaveText("文件不能超过 5 MB。");
    expect(posts).toEqual([]);

    // A file within the limit clears the message and uploads.
    await form.locator('input[type="file"]').setInputFiles({ name: "licence.png", mimeType: "image/png", buffer: SMALL_PNG });
    await expect(form.getByTestId("file-problem")).toHaveCount(0);
    await form.getByRole("button", { name: "上传" }).click();
    await expect(form.getByText("已上传").first()).toBeVisible();

    // Sent without the form (no browser check): refused before the body is read, with the limits in words.
    const response = await page.request.post("/merchant/onboarding?step=4", {
      headers: { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" },
      data: Buffer.alloc(22 * MB, 0x41),
    });
    expect(response.status()).toBe(413);
    expect(await response.text()).toContain("5 MB");
  });

  test("five 1.9 MB evidence photos go through, eleven files are refused in the browser, and files download as sandboxed attachments", async ({ browser }) => {
    const { buyer, merchantContext, buyerContext } = await shippedOrderViaUi(browser, "青瓷杯", "120.00");
    const open = buyer.getByTestId("open-dispute");
    await open.getByLabel("争议原因").selectOption("DAMAGED");
    await open.getByLabel("申请退款金额（元）").fill("１２０．００");
    await open.getByLabel("问题描述").fill("杯口有缺口，见照片");
    const files = open.locator('input[type="file"]');
    await files.setInputFiles(Array.from({ length: 11 }, (_, i) => ({ name: `p${i}.png`, mimeType: "image/png", buffer: SMALL_PNG })));
    await expect(open.getByTestId("file-problem")).toHaveText("最多上传 10 个证据文件。");
    await files.setInputFiles(Array.from({ length: 5 }, (_, i) => ({ name: `photo-${i}.png`, mimeType: "image/png", buffer: png(1.9 * MB) })));
    await expect(open.getByTestId("file-problem")).toHaveCount(0);
    await open.getByRole("button", { name: "发起争议" }).click();
    await expect(buyer.getByTestId("order-status")).toHaveText("争议中");
    await buyer.getByTestId("to-dispute").click();
    const photos = buyer.locator('img[alt^="photo-"]');
    await expect(photos).toHaveCount(5);

    const response = await buyer.request.get((await photos.first().getAttribute("src"))!);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("image/png");
    expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="photo-\d\.png"; filename\*=UTF-8''photo-\d\.png$/);
    expect(response.headers()["content-security-policy"]).toBe("sandbox; default-src 'none'");
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
    await merchantContext.close();
    await buyerContext.close();
  });

  test("the orders CSV: reconciliation columns, statuses as words, Shanghai times, order numbers kept as text", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateFor("merchant") });
    const page = await context.newPage();
    await page.goto("/merchant/orders/new");
    const form = page.getByTestId("new-order-form");
    await form.getByLabel("商品名称 1").fill("全角价格的茶");
    await form.getByLabel("单价（元） 1").fill("１，２８８．５０");
    await form.getByRole("button", { name: "创建订单" }).click();
    await expect(page.getByTestId("pay-link")).toBeVisible();
    const orderNo = (await page.getByTestId("order-no").innerText()).match(/\d{16}/)![0];

    await page.goto(`/merchant/orders?q=${orderNo}`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv").click()]);
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
    expect(download.suggestedFilename()).toBe(`orders-${today}.csv`);
    const text = readFileSync((await download.path())!, "utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [heading, row, ...rest] = parseCsv(text);
    expect(heading).toEqual(["订单号", "创建时间", "状态", "买家", "金额（元）", "已退款（元）", "手续费（元）", "保证金（元）", "到账（元）", "付款时间", "发货时间", "完成时间"]);
    expect(rest).toEqual([]);
    expect(row[0]).toBe(`\t${orderNo}`);
    expect(row[1]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(row.slice(2, 9)).toEqual(["待付款", "", "1288.50", "0.00", "", "", ""]);
    await context.close();
  });

  test("the new order form stops at 50 lines and says so", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateFor("merchant") });
    const page = await context.newPage();
    await page.goto("/merchant/orders/new");
    const add = page.getByRole("button", { name: "+ 添加商品" });
    for (let i = 1; i < 50; i++) await add.click();
    await expect(page.getByLabel("商品名称 50")).toBeVisible();
    await expect(add).toBeDisabled();
    await expect(page.getByTestId("lines-limit")).toHaveText("最多 50 行商品。");
    await context.close();
  });
});
