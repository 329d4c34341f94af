import { expect, test, type Browser } from "@playwright/test";
import { fenOf, signIn } from "./helpers";

const SHOP = "shop3@anxin.test";
const BUYER = "buyer3@anxin.test";

async function signedIn(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return { context, page };
}

/**
 * Merchant credit through the pages, as the demo credit merchant (shop3: a year on the platform, 80 days of
 * completed orders with buyer3): the offer and the reasons, a credit loan applied for with its whole schedule,
 * disbursed into the wallet and repaid early; then an order loan against a shipped order, repaid by the buyer's
 * confirmation.
 */
test.describe("merchant credit @loans", () => {
  test.describe.configure({ mode: "serial" });

  test("offer shown, a credit loan applied for with its schedule, disbursed into the wallet, repaid early in full", async ({ browser }) => {
    const { context, page } = await signedIn(browser, SHOP);
    await page.goto("/merchant/credit");
    await expect(page.getByTestId("credit-offer")).toContainText("预授信额度");
    const available = fenOf(await page.getByTestId("credit-available").innerText());
    expect(available).toBeGreaterThanOrEqual(100_000n);
    await expect(page.getByTestId("credit-score")).toHaveText(/^\d{3}$/);

    await page.goto("/merchant/wallet");
    const walletBefore = fenOf(await page.getByTestId("wallet-balance").innerText());

    await page.goto("/merchant/credit");
    await page.getByTestId("credit-apply-link").click();
    const form = page.getByTestId("loan-apply-form");
    // Too much first: the field says what is available, and nothing is applied for.
    await form.getByLabel("借款金额（元）").fill("99999999.00");
    await page.getByTestId("loan-apply-submit").click();
    await expect(form.getByText(/可用额度为|借款金额/).first()).toBeVisible();
    await expect(page.getByTestId("loan-decision")).toHaveCount(0);

    await form.getByLabel("借款金额（元）").fill("1000.00");
    await form.getByLabel("期限").selectOption("3");
    await form.getByLabel("还款方式").selectOption("EQUAL_PRINCIPAL");
    // The whole schedule before applying: three instalments, principal ¥333.33, ¥333.33, ¥333.34.
    const schedule = page.getByTestId("schedule-preview");
    await expect(schedule.getByTestId("schedule-row")).toHaveCount(3);
    await expect(schedule.getByTestId("schedule-row").last()).toContainText("¥333.34");
    await expect(page.getByTestId("schedule-summary")).toContainText("年化利率");
    await page.getByTestId("loan-apply-submit").click();
    await expect(page.getByTestId("loan-decision")).toHaveAttribute("data-status", "APPROVED");

    await page.getByTestId("loan-accept-form").getByRole("button", { name: "确认合同并放款" }).click();
    await expect(page.getByRole("dialog")).toContainText("¥1,000.00");
    await page.getByRole("dialog").getByRole("button", { name: "确认合同并放款" }).click();
    await page.waitForURL(/\/merchant\/credit$/);
    await page.goto("/merchant/wallet");
    await expect.poll(async () => fenOf(await page.getByTestId("wallet-balance").innerText())).toBe(walletBefore + 100_000n);

    await page.goto("/merchant/credit");
    await page.getByTestId("credit-loan-row").filter({ hasText: "¥1,000.00" }).filter({ hasText: "正常" }).first().getByRole("link").click();
    await expect(page.getByTestId("loan-schedule").getByTestId("schedule-row")).toHaveCount(3);
    await expect(page.getByTestId("loan-outstanding")).toHaveText("¥1,000.00");

    const repay = page.getByTestId("loan-repay-form");
    await repay.getByLabel(/全部还清/).check();
    await repay.getByRole("button", { name: "还款" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "还款" }).click();
    await expect(page.getByText("已结清").first()).toBeVisible();
    await expect(page.getByTestId("loan-outstanding")).toHaveText("¥0.00");
    await expect(page.getByTestId("loan-repayments")).toContainText("主动还款");
    await context.close();
  });

  test("an order loan against a shipped order is repaid by the buyer's confirmation", async ({ browser }) => {
    const shop = await signedIn(browser, SHOP);
    const merchant = shop.page;
    await merchant.goto("/merchant/orders/new");
    const form = merchant.getByTestId("new-order-form");
    await form.getByLabel("商品名称 1").fill("订单贷测试 · 白茶饼");
    await form.getByLabel("单价（元） 1").fill("1000.00");
    await form.getByRole("button", { name: "创建订单" }).click();
    await expect(merchant.getByTestId("pay-link")).toBeVisible();
    const orderId = new URL(merchant.url()).pathname.split("/").pop()!;
    const orderNo = (await merchant.getByTestId("order-no").innerText()).match(/\d{8,}/)![0];
    const payPath = new URL(await merchant.getByTestId("pay-link").innerText()).pathname;

    const customer = await signedIn(browser, BUYER);
    const buyer = customer.page;
    await buyer.goto(payPath);
    await buyer.getByTestId("pay-form").getByRole("button").click();
    await buyer.getByTestId("to-order").click();
    await buyer.waitForURL(/\/buyer\/orders\/[^/]+$/);

    await merchant.reload();
    const ship = merchant.getByTestId("ship-form");
    await ship.getByLabel("运单号").fill("SF55667788");
    await ship.getByRole("button", { name: "确认发货" }).click();
    await expect(merchant.getByTestId("order-status")).toHaveText("已发货");

    // The shipped order is offered for an order loan; borrowing against it opens the form with it chosen.
    await merchant.goto("/merchant/credit");
    await merchant.getByTestId("credit-order-row").filter({ hasText: orderNo }).getByRole("link").click();
    await expect(merchant).toHaveURL(new RegExp(`order=${orderId}`));
    const apply = merchant.getByTestId("loan-apply-form");
    await apply.getByLabel("借款金额（元）").fill("500.00");
    await expect(merchant.getByTestId("schedule-preview").getByTestId("schedule-row")).toHaveCount(1);
    await merchant.getByTestId("loan-apply-submit").click();
    await expect(merchant.getByTestId("loan-decision")).toHaveAttribute("data-status", "APPROVED");
    await merchant.getByTestId("loan-accept-form").getByRole("button", { name: "确认合同并放款" }).click();
    await merchant.getByRole("dialog").getByRole("button", { name: "确认合同并放款" }).click();
    await merchant.waitForURL(/\/merchant\/credit$/);
    const row = merchant.getByTestId("credit-loan-row").filter({ hasText: "订单贷" }).filter({ hasText: "¥500.00" }).filter({ hasText: "正常" }).first();
    const loanHref = (await row.getByRole("link").getAttribute("href"))!;

    // The buyer confirms receipt: the release repays the loan before the merchant is credited.
    await buyer.reload();
    await buyer.getByTestId("confirm-form").getByRole("button", { name: "确认收货" }).click();
    await buyer.getByRole("dialog").getByRole("button", { name: "确认收货并放款" }).click();
    await expect(buyer.getByTestId("order-status")).toHaveText("已完成");

    await merchant.goto(loanHref);
    await expect(merchant.getByText("已结清").first()).toBeVisible();
    await expect(merchant.getByTestId("loan-outstanding")).toHaveText("¥0.00");
    await expect(merchant.getByTestId("loan-repayments")).toContainText("订单回款扣还");
    await shop.context.close();
    await customer.context.close();
  });
});
