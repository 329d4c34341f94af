import { expect, test, type Browser, type Page } from "@playwright/test";
import { accrueFundYield } from "../lib/fund/accrue";
import { fixedClock, HOUR } from "../lib/time/clock";
import { addDays, dateColumn, fromDateColumn, platformDayOf, platformDayStart } from "../lib/time/platform-day";
import { withE2eDatabase } from "./database";
import { DEMO, fenOf, signIn, storageStateFor, uniqueEmail } from "./helpers";

/** A fresh buyer (so every figure is its own), signed in, with a top-up in the wallet. */
async function newBuyerWithWallet(page: Page, yuan: string) {
  await page.goto("/register");
  await page.getByLabel("名称").fill("基金买家");
  await page.getByLabel("邮箱").fill(uniqueEmail("fund"));
  await page.getByLabel("密码").fill("a-long-enough-password");
  await page.getByTestId("register-submit").click();
  // A new buyer lands on the buyer home; the top-up is on the wallet page.
  await expect(page).toHaveURL(/\/buyer$/);
  await page.goto("/buyer/wallet");
  const topUp = page.getByTestId("top-up-form");
  await topUp.getByLabel("金额（元）").fill(yuan);
  await topUp.getByRole("button", { name: "充值" }).click();
  await expect(topUp.getByText(/已充值/)).toBeVisible();
}

/** The demo merchant creates an order; its payment link. */
async function orderLink(browser: Browser, item: string, priceYuan: string) {
  const context = await browser.newContext({ storageState: storageStateFor("merchant") });
  const merchant = await context.newPage();
  await merchant.goto("/merchant/orders/new");
  const form = merchant.getByTestId("new-order-form");
  await form.getByLabel("商品名称 1").fill(item);
  await form.getByLabel("单价（元） 1").fill(priceYuan);
  await form.getByRole("button", { name: "创建订单" }).click();
  const path = new URL(await merchant.getByTestId("pay-link").innerText()).pathname;
  await context.close();
  return path;
}

/**
 * The nightly accrual, run against the e2e server's database with a clock ahead: the server's clock cannot be
 * moved and the build has no test-only endpoint. Money subscribed today earns from tomorrow (T+1), so the day
 * that pays is tomorrow (or, on a reused server whose days are already accrued further, the next one), at a
 * rate of ¥1.0000 per 10,000 units set for that day.
 */
async function accrueTheNextDay(): Promise<string> {
  return withE2eDatabase(async (db) => {
    const [last] = await db.$queryRaw<{ day: Date | null }[]>`SELECT max(day) AS day FROM fund_days`;
    const tomorrow = addDays(platformDayOf(new Date()), 1);
    const day = last.day && fromDateColumn(last.day) >= tomorrow ? addDays(fromDateColumn(last.day), 1) : tomorrow;
    const admin = await db.user.findUniqueOrThrow({ where: { email: DEMO.admin } });
    await db.fundRate.create({ data: { effectiveFrom: dateColumn(day), per10kE4: 1_000_000n, enteredAs: "PER_10K", reason: "e2e", createdById: admin.id } });
    const run = await accrueFundYield(db, fixedClock(new Date(platformDayStart(addDays(day, 1)).getTime() + HOUR)));
    expect(run.failed).toBeUndefined();
    expect(run.accrued).toContain(day);
    return day;
  });
}

test.describe("the fund @fund", () => {
  test.describe.configure({ mode: "serial" });

  test("a buyer subscribes, earns the next day's yield, redeems past the instant cap, and pays orders from the fund", async ({ page, browser }) => {
    await newBuyerWithWallet(page, "20000");
    await page.getByRole("link", { name: "安心宝" }).click();
    await expect(page).toHaveURL(/\/buyer\/fund$/);
    await expect(page.getByTestId("fund-balance")).toHaveText("¥0.00");
    // The seeded rate history: 1.75% a year for the last 20 days.
    await expect(page.getByTestId("fund-seven-day")).toHaveText("1.75%");
    await expect(page.getByTestId("fund-per10k")).toHaveText("¥0.4795");
    await expect(page.locator(".recharts-surface").first()).toBeVisible();

    // Mistakes get a message on the amount and move nothing.
    const subscribe = page.getByTestId("fund-subscribe-form");
    await subscribe.getByLabel("金额（元）").fill("1,00");
    await subscribe.getByRole("button", { name: "转入安心宝" }).click();
    await expect(subscribe.getByText(/金额请填写数字，例如 100/)).toBeVisible();
    await subscribe.getByLabel("金额（元）").fill("20000.01");
    await subscribe.getByRole("button", { name: "转入安心宝" }).click();
    await expect(subscribe.getByText("钱包余额不足，转入金额不能超过钱包余额。")).toBeVisible();
    await expect(page.getByTestId("fund-balance")).toHaveText("¥0.00");

    await subscribe.getByLabel("金额（元）").fill("15,000");
    await subscribe.getByRole("button", { name: "转入安心宝" }).click();
    await expect(subscribe.getByText("已转入 ¥15,000.00，安心宝余额 ¥15,000.00。")).toBeVisible();
    await expect(page.getByTestId("fund-balance")).toHaveText("¥15,000.00");
    await expect(page.getByTestId("fund-movement-row").first()).toContainText("从钱包转入");

    const day = await accrueTheNextDay();
    await page.reload();
    const yieldRow = page.getByTestId("fund-movement-row").filter({ hasText: `${day} 的收益` });
    // ¥15,000 × ¥1.0000 per 10,000 units = ¥1.50 (a reused server may have paid a few earlier days too).
    await expect(yieldRow).toContainText("+¥1.50");
    const total = fenOf(await page.getByTestId("fund-total-yield").innerText());
    expect(total).toBeGreaterThanOrEqual(150n);
    expect(fenOf(await page.getByTestId("fund-balance").innerText())).toBe(1_500_000n + total);

    // ¥10,000 a day arrives at once; the rest tomorrow at 00:00.
    const redeem = page.getByTestId("fund-redeem-form");
    await expect(redeem).toContainText("今日还可快速转出 ¥10,000.00，立即到账");
    await redeem.getByLabel("金额（元）").fill("12000");
    await redeem.getByRole("button", { name: "转出到钱包" }).click();
    await expect(redeem.getByText(/¥10,000\.00 已到钱包；其余 ¥2,000\.00 将于 .* 00:00 到账。/)).toBeVisible();
    await expect(page.getByTestId("fund-pending-row")).toContainText("¥2,000.00");
    await expect(page.getByTestId("fund-pending-row")).toContainText("00:00");
    await expect(redeem).toContainText("今日还可快速转出 ¥0.00");

    // Wallet ¥15,000.00, fund ¥3,001.50 or so: an order of ¥15,100.00 is paid by both, the fund covering ¥100.00.
    await page.goto(await orderLink(browser, "基金支付测试 大单", "15100"));
    await expect(page.getByTestId("pay-balance")).toHaveText("¥15,000.00");
    await expect(page.getByTestId("pay-source-AUTO")).toBeChecked();
    await expect(page.getByTestId("pay-source-WALLET")).toBeDisabled();
    await expect(page.getByTestId("pay-source")).toContainText("先用钱包 ¥15,000.00，安心宝补足 ¥100.00");
    await page.getByTestId("pay-form").getByRole("button", { name: "确认支付 ¥15,100.00" }).click();
    await page.getByTestId("to-order").click();
    await expect(page.getByTestId("order-timeline")).toContainText("买家已付款 ¥15,100.00（钱包 ¥15,000.00 + 安心宝 ¥100.00）");

    // A small one, paid from the fund alone by choice.
    await page.goto(await orderLink(browser, "基金支付测试 小单", "50"));
    await expect(page.getByTestId("pay-source-WALLET")).toBeDisabled(); // the wallet is empty now
    await page.getByTestId("pay-source-FUND").check();
    await page.getByTestId("pay-form").getByRole("button", { name: "确认支付 ¥50.00" }).click();
    await page.getByTestId("to-order").click();
    await expect(page.getByTestId("order-timeline")).toContainText("买家已用安心宝付款 ¥50.00");

    await page.goto("/buyer/fund");
    await expect(page.getByTestId("fund-movement-row").first()).toContainText("支付担保订单");
    await expect(page.getByTestId("fund-movement-row").first()).toContainText("-¥50.00");
    expect(fenOf(await page.getByTestId("fund-balance").innerText())).toBe(1_500_000n + total - 1_200_000n - 10_000n - 5_000n);
  });

  test("auto-sweep is saved with its floor, and the fund page works at 390 px and in English", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateFor("buyer2"), viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto("/buyer/fund");
    const sweep = page.getByTestId("fund-sweep-form");
    await sweep.getByLabel("钱包保留金额（元）").fill("-5");
    await sweep.getByLabel("开启自动转入").check();
    await sweep.getByRole("button", { name: "保存设置" }).click();
    await expect(sweep.getByText("金额不能为负数", { exact: false })).toBeVisible();
    await sweep.getByLabel("钱包保留金额（元）").fill("200");
    await sweep.getByRole("button", { name: "保存设置" }).click();
    await expect(sweep.getByText("已开启自动转入，钱包保留 ¥200.00。")).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("开启自动转入")).toBeChecked();
    await expect(page.getByLabel("钱包保留金额（元）")).toHaveValue("200.00");
    // Off again: buyer2's payments in other journeys stay from the wallet.
    await page.getByLabel("开启自动转入").uncheck();
    await page.getByTestId("fund-sweep-form").getByRole("button", { name: "保存设置" }).click();
    await expect(page.getByText("已关闭自动转入。")).toBeVisible();

    // 390 px: nothing wider than the screen, both charts drawn, the movements as a list; 90 days by the toggle.
    const subscribe = page.getByTestId("fund-subscribe-form");
    await subscribe.getByLabel("金额（元）").fill("1");
    await subscribe.getByRole("button", { name: "转入安心宝" }).click();
    await expect(subscribe.getByText(/已转入 ¥1\.00/)).toBeVisible();
    await expect(page.getByTestId("fund-movement-item").first()).toContainText("从钱包转入");
    await expect(page.getByTestId("fund-movement-item").first()).toContainText("+¥1.00");
    await expect(page.getByTestId("fund-movement-row").first()).toBeHidden();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expect(page.locator(".recharts-surface").nth(1)).toBeVisible();
    await page.getByTestId("fund-range-90").click();
    await expect(page).toHaveURL(/range=90/);
    await expect(page.getByTestId("fund-range-90")).toHaveAttribute("aria-current", "page");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await page.getByTestId("language-switch").click();
    await expect(page.getByRole("heading", { name: "Money fund", exact: true })).toBeVisible();
    await expect(page.getByText("7-day annualised", { exact: true })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByTestId("language-switch").click();
    await expect(page.getByRole("heading", { name: "安心宝", exact: true })).toBeVisible();
    await context.close();
  });

  test("a merchant in onboarding is told why it cannot use the fund", async ({ page }) => {
    await signIn(page, "newshop@anxin.test");
    await page.goto("/merchant/fund");
    await expect(page.getByTestId("fund-not-approved")).toContainText("商家通过入驻审核后才能使用安心宝");
    await expect(page.getByTestId("fund-subscribe-form")).toHaveCount(0);
  });

  test("an admin sees the fund's size and yield paid, and sets a rate with its reason into the history", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateFor("admin") });
    const page = await context.newPage();
    await page.goto("/admin/fund");
    expect(fenOf(await page.getByTestId("admin-fund-size").innerText())).toBeGreaterThan(0n);
    await expect(page.getByTestId("admin-fund-day").first()).toBeVisible();
    await expect(page.getByTestId("admin-fund-rate").filter({ hasText: "上线时的收益率" })).toContainText("1.80%");

    const form = page.getByTestId("fund-rate-form");
    await form.getByLabel("年化收益率（%）").fill("1.805");
    await form.getByRole("button", { name: "保存收益率" }).click();
    await expect(form.getByText("年化收益率为 0 到 99.99 之间的百分数", { exact: false })).toBeVisible();
    await expect(form.getByText("请填写原因。")).toBeVisible();

    const tomorrow = addDays(platformDayOf(new Date()), 1);
    await form.getByLabel("年化收益率（%）").fill("1.82");
    await form.getByLabel("生效日期").fill(tomorrow);
    await form.getByLabel("原因").fill("e2e：季度调整");
    await form.getByRole("button", { name: "保存收益率" }).click();
    await expect(form.getByText("已保存：万份收益 ¥0.4986。")).toBeVisible();
    const row = page.getByTestId("admin-fund-rate").filter({ hasText: "e2e：季度调整" }).first();
    await expect(row).toContainText(tomorrow);
    await expect(row).toContainText("1.82%");
    await expect(row).toContainText(DEMO.admin);
    await context.close();
  });
});
