import { expect, test, type Page } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, fenOf, signIn, storageStateFor, uniqueEmail } from "./helpers";
import { adminReviewPage, submittedMerchantViaUi } from "./merchant-helpers";
import { shippedOrderViaUi } from "./orders-helpers";

/**
 * What a new user used to trip over (issue 10): movements without their order, money moved on one click, no
 * running totals, dead ends, no copy button, no way to close an unpaid order, charts and empty states.
 */

/** The merchant creates an unpaid order through the form; returns its page's URL and the payment link's path. */
async function unpaidOrder(page: Page, item: string, price: string) {
  await page.goto("/merchant/orders/new");
  const form = page.getByTestId("new-order-form");
  await form.getByLabel("商品名称 1").fill(item);
  await form.getByLabel("单价（元） 1").fill(price);
  await form.getByRole("button", { name: "创建订单" }).click();
  await expect(page.getByTestId("pay-link")).toBeVisible();
  return { url: page.url(), payPath: new URL(await page.getByTestId("pay-link").innerText()).pathname };
}

test.describe("what a new user trips over @newcomer", () => {
  test("confirming receipt asks first, naming the amount and the shop; Extend is a separate card; the wallet links each movement to its order", async ({ browser }) => {
    const { buyer, merchant, buyerContext, merchantContext, buyerOrderUrl, orderUrl } = await shippedOrderViaUi(browser, "链接测试茶", "25.00");
    const orderId = new URL(buyerOrderUrl).pathname.split("/").pop()!;
    await buyer.reload();
    const orderNo = (await buyer.getByTestId("order-no").innerText()).match(/\d{16}/)![0];

    // Receipt and "more time" are different decisions, in different cards.
    const apart = await buyer.getByTestId("confirm-form").evaluate((form) => form.closest("section") !== document.querySelector('[data-testid="extend-form"]')?.closest("section"));
    expect(apart).toBe(true);

    const confirm = buyer.getByTestId("confirm-form");
    await confirm.getByRole("button", { name: "确认收货" }).click();
    const dialog = buyer.getByRole("dialog");
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("确认收货后，¥25.00 将放款给 青禾茶舍");
    await dialog.getByRole("button", { name: "暂不确认" }).click();
    await expect(dialog).toBeHidden();
    await buyer.reload();
    await expect(buyer.getByTestId("order-status")).toHaveText("已发货");

    await confirm.getByRole("button", { name: "确认收货" }).click();
    await buyer.getByRole("dialog").getByRole("button", { name: "确认收货并放款" }).click();
    await expect(buyer.getByTestId("order-status")).toHaveText("已完成");

    // The buyer's payment names the order and opens it.
    await buyer.goto("/buyer/wallet");
    const payment = buyer.getByTestId("movement-row").filter({ hasText: "支付担保订单" }).first();
    await expect(payment).toContainText(`订单 ${orderNo}`);
    await payment.getByRole("link", { name: `订单 ${orderNo}` }).click();
    await expect(buyer).toHaveURL(new RegExp(`/buyer/orders/${orderId}$`));

    // The merchant's release links to the merchant's own order page.
    await merchant.goto("/merchant/wallet");
    const release = merchant.getByTestId("movement-row").filter({ hasText: `订单 ${orderNo}` }).first();
    await expect(release).toContainText("担保订单放款");
    await release.getByRole("link").click();
    await expect(merchant).toHaveURL(new URL(orderUrl).pathname);
    await merchantContext.close();
    await buyerContext.close();
  });

  test("a refund asks first with the amount and the buyer; a bad amount asks nothing; without JavaScript the confirm button still posts", async ({ browser }) => {
    const { buyer, merchant, buyerContext, merchantContext, buyerOrderUrl } = await shippedOrderViaUi(browser, "退款测试壶", "80.00");
    const refund = merchant.getByTestId("refund-form");
    await refund.getByLabel("退款金额（元）").fill("1,00");
    await refund.getByRole("button", { name: "退款给买家" }).click();
    await expect(merchant.getByRole("dialog")).toBeHidden();
    await expect(refund.getByRole("alert")).toBeVisible();

    await refund.getByLabel("退款金额（元）").fill("5");
    await refund.getByRole("button", { name: "退款给买家" }).click();
    const dialog = merchant.getByRole("dialog");
    await expect(dialog.getByTestId("confirm-amount")).toHaveText("¥5.00");
    await expect(dialog).toContainText("退回买家 李明 的钱包");
    await dialog.getByRole("button", { name: "暂不退款" }).click();
    await merchant.reload();
    await expect(merchant.getByText("担保中 ¥80.00")).toBeVisible();

    await refund.getByLabel("退款金额（元）").fill("5");
    await refund.getByRole("button", { name: "退款给买家" }).click();
    await merchant.getByRole("dialog").getByRole("button", { name: "退款给买家" }).click();
    await expect(refund.getByText("已退款。")).toBeVisible();
    await merchant.reload();
    await expect(merchant.getByText("担保中 ¥75.00")).toBeVisible();
    await merchantContext.close();
    await buyerContext.close();

    // Scripts off: no dialog can open, and the button posts the form (its idempotency key included).
    const noJs = await browser.newContext({ storageState: storageStateFor("buyer"), javaScriptEnabled: false });
    const page = await noJs.newPage();
    await page.goto(buyerOrderUrl);
    await page.getByTestId("confirm-form").getByRole("button", { name: "确认收货" }).click();
    await page.goto(buyerOrderUrl);
    await expect(page.getByTestId("order-status")).toHaveText("已完成");
    await noJs.close();
  });

  test("the new-order form shows the total, fee, reserve and net as lines change, and names a line it cannot read", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateFor("merchant") });
    const page = await context.newPage();
    await page.goto("/merchant/orders/new");
    const form = page.getByTestId("new-order-form");
    await form.getByLabel("商品名称 1").fill("明前龙井 250g");
    await form.getByLabel("单价（元） 1").fill("168.50");
    await expect(page.getByTestId("preview-total")).toHaveText("¥168.50");
    await form.getByLabel("数量 1").fill("2");
    await form.getByLabel("运费（元）").fill("12");
    await expect(page.getByTestId("preview-subtotal")).toHaveText("¥337.00");
    await expect(page.getByTestId("preview-total")).toHaveText("¥349.00");
    await expect(page.getByTestId("preview-fee")).toHaveText("-¥3.49");
    await expect(page.getByTestId("preview-reserve")).toHaveText("-¥17.27");
    await expect(page.getByTestId("preview-net")).toHaveText("¥328.24");
    await expect(page.getByTestId("order-preview")).toContainText("中风险");

    await page.getByRole("button", { name: "+ 添加商品" }).click();
    await form.getByLabel("商品名称 2").fill("茶杯");
    await form.getByLabel("单价（元） 2").fill("1,00");
    await expect(page.getByTestId("order-preview")).toContainText("第 2 行的数量或单价还无法识别");
    await expect(page.getByTestId("preview-total")).toHaveText("¥349.00");
    await form.getByLabel("单价（元） 2").fill("1,000");
    await expect(page.getByTestId("preview-total")).toHaveText("¥1,349.00");
    await context.close();
  });

  test("the payment link has a copy button; the merchant closes an unpaid order after confirming, and the link then says the order is closed", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateFor("merchant"), permissions: ["clipboard-read", "clipboard-write"] });
    const page = await context.newPage();
    const { payPath } = await unpaidOrder(page, "待关闭的茶", "18.00");
    await page.getByTestId("copy-pay-link").click();
    await expect(page.getByText("已复制")).toBeVisible();
    expect(new URL(await page.evaluate(() => navigator.clipboard.readText())).pathname).toBe(payPath);

    const close = page.getByTestId("close-order-form");
    await close.getByRole("button", { name: "关闭订单" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "保留订单" }).click();
    await page.reload();
    await expect(page.getByTestId("order-status")).toHaveText("待付款");
    await close.getByRole("button", { name: "关闭订单" }).click();
    await expect(page.getByRole("dialog")).toContainText("付款链接随即失效");
    await page.getByRole("dialog").getByRole("button", { name: "关闭订单" }).click();
    await expect(page.getByTestId("order-status")).toHaveText("已取消");
    await expect(page.getByTestId("order-timeline")).toContainText("商家关闭了未付款的订单");
    await expect(page.getByTestId("pay-link")).toHaveCount(0);
    await context.close();

    const buyerContext = await browser.newContext({ storageState: storageStateFor("buyer") });
    const buyer = await buyerContext.newPage();
    await buyer.goto(payPath);
    await expect(buyer.getByTestId("pay-state")).toHaveText("订单已关闭，不能再付款。请联系商家获取新的付款链接。");
    await expect(buyer.getByTestId("pay-form")).toHaveCount(0);
    await buyerContext.close();
  });

  test("a payment link opened by a merchant, by another buyer or with an unknown token says why and offers a way on", async ({ browser }) => {
    const shop = await browser.newContext({ storageState: storageStateFor("merchant") });
    const { payPath } = await unpaidOrder(await shop.newPage(), "死胡同测试茶", "9.90");
    await shop.close();

    // A merchant (a new one: switching accounts signs out every session of the user) is offered to switch.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto("/register?role=MERCHANT");
    await page.getByLabel("名称").fill("走错门的商家");
    await page.getByLabel("邮箱").fill(uniqueEmail("wrong-door"));
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByTestId("register-submit").click();
    await expect(page).toHaveURL(/\/merchant$/);
    await page.goto(payPath);
    await expect(page.getByTestId("pay-dead-end")).toContainText("付款链接只能用买家账户打开");
    await expect(page.getByTestId("dead-end-home")).toHaveAttribute("href", "/merchant");
    await page.getByTestId("switch-account").click();
    await expect(page).toHaveURL(/\/login\?callbackUrl=/);
    await page.locator('input[name="email"]').fill(DEMO.buyer2);
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.getByTestId("login-submit").click();
    await expect(page).toHaveURL(new RegExp(`${payPath}$`));
    await expect(page.getByTestId("pay-form")).toBeVisible();
    await context.close();

    // Paid by buyer1, the link is nobody else's: buyer2 is told, with its orders and home at hand.
    const buyer1 = await browser.newContext({ storageState: storageStateFor("buyer") });
    const payer = await buyer1.newPage();
    await payer.goto(payPath);
    await payer.getByTestId("pay-form").getByRole("button").click();
    await expect(payer.getByTestId("to-order")).toBeVisible();
    await buyer1.close();
    const buyer2 = await browser.newContext({ storageState: storageStateFor("buyer2") });
    const other = await buyer2.newPage();
    await other.goto(payPath);
    const deadEnd = other.getByTestId("pay-dead-end");
    await expect(deadEnd).toContainText("订单已由其他买家付款");
    await expect(deadEnd.getByRole("link", { name: "我的订单" })).toBeVisible();
    await expect(deadEnd.getByRole("button", { name: "切换账户" })).toBeVisible();
    await other.goto("/pay/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    await expect(other.getByTestId("pay-dead-end")).toContainText("链接可能有误");
    await buyer2.close();
  });

  test("a merchant in onboarding, a suspended one and a rejected one are told where they stand, with no withdrawal form; empty pages say what to do next", async ({ browser }) => {
    // In onboarding (the demo shop): no free-text bank account, and why.
    const draft = await browser.newContext();
    const draftPage = await draft.newPage();
    await signIn(draftPage, "newshop@anxin.test");
    await draftPage.goto("/merchant/wallet");
    await expect(draftPage.getByTestId("withdraw-blocked")).toContainText("入驻审核通过后才能提现");
    await expect(draftPage.getByTestId("withdraw-form")).toHaveCount(0);
    await expect(draftPage.locator('input[name="bankAccount"]')).toHaveCount(0);
    await draft.close();

    // Approved after a confirmation that names the shop and the risk level; its empty pages point onward.
    const approved = await submittedMerchantViaUi(browser, "新手茶铺");
    const admin = await adminReviewPage(browser, approved.email);
    await admin.getByTestId("approve-form").getByLabel("风险等级").selectOption("LOW");
    await admin.getByTestId("approve-form").getByRole("button", { name: "通过" }).click();
    await expect(admin.getByRole("dialog")).toContainText("新手茶铺有限公司 将以低风险等级通过审核");
    await admin.getByRole("dialog").getByRole("button", { name: "通过" }).click();
    await expect(admin.getByTestId("review-status")).toHaveText("已通过");
    const shop = approved.page;
    await shop.goto("/merchant");
    await expect(shop.getByTestId("sales-empty").getByRole("link", { name: "创建订单" })).toBeVisible();
    await expect(shop.getByTestId("status-empty")).toContainText("创建第一笔担保订单");
    await shop.goto("/merchant/orders");
    await expect(shop.getByTestId("orders-empty").getByRole("link", { name: "创建订单" })).toBeVisible();
    await shop.goto("/merchant/calendar");
    await expect(shop.getByTestId("calendar-empty")).toBeVisible();
    await expect(shop.getByTestId("release-bar")).toHaveCount(0);

    // Suspended: said plainly, no withdrawal form, no "finish onboarding".
    await admin.getByTestId("suspension-form").getByLabel("原因").fill("投诉核查");
    await admin.getByTestId("suspension-form").getByRole("button", { name: "暂停商家" }).click();
    await expect(admin.getByTestId("review-status")).toHaveText("已暂停");
    await signIn(shop, approved.email);
    await shop.goto("/merchant");
    await expect(shop.getByTestId("merchant-status")).toContainText("已暂停");
    await expect(shop.getByTestId("start-onboarding")).toHaveCount(0);
    await shop.goto("/merchant/wallet");
    await expect(shop.getByTestId("withdraw-blocked")).toContainText("已被暂停");
    await expect(shop.getByTestId("withdraw-form")).toHaveCount(0);
    await shop.goto("/merchant/orders/new");
    await expect(shop.getByText("您的商家账户已被暂停，暂时不能创建新订单")).toBeVisible();
    await approved.context.close();

    // Rejected: the date a new application opens is shown up front, and the button waits for it.
    const rejected = await submittedMerchantViaUi(browser, "被驳回的铺子");
    await admin.goto(`/admin/merchants?status=ALL&q=${encodeURIComponent(rejected.email)}`);
    await admin.getByTestId("queue-row").getByRole("link").click();
    const reject = admin.getByTestId("reject-form");
    await reject.getByLabel("拒绝原因").selectOption("INCOMPLETE_DOCUMENTS");
    await reject.getByLabel("给商家的说明").fill("执照照片不清晰");
    await reject.getByRole("button", { name: "拒绝" }).click();
    await expect(admin.getByRole("dialog")).toContainText("30 天内不能重新申请");
    await admin.getByRole("dialog").getByRole("button", { name: "拒绝" }).click();
    await expect(admin.getByTestId("review-status")).toHaveText("未通过");
    await admin.context().close();
    await rejected.page.goto("/merchant");
    const opensOn = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(Date.now() + 30 * 86_400_000));
    await expect(rejected.page.getByTestId("reapply-date")).toContainText(opensOn);
    await expect(rejected.page.getByTestId("reapply").getByRole("button", { name: "重新申请入驻" })).toBeDisabled();
    await rejected.context.close();

    // A new buyer: every empty page says what to do next.
    const buyerContext = await browser.newContext();
    const buyer = await buyerContext.newPage();
    await buyer.goto("/register");
    await buyer.getByLabel("名称").fill("新买家");
    await buyer.getByLabel("邮箱").fill(uniqueEmail("empty-buyer"));
    await buyer.getByLabel("密码").fill(DEMO_PASSWORD);
    await buyer.getByTestId("register-submit").click();
    await expect(buyer.getByTestId("nothing-waiting")).toBeVisible();
    await expect(buyer.getByTestId("home-balance")).toHaveText("¥0.00");
    await buyer.goto("/buyer/wallet");
    await expect(buyer.getByTestId("movements-empty").getByRole("link", { name: "去充值" })).toBeVisible();
    await buyer.goto("/buyer/orders");
    await expect(buyer.getByTestId("orders-empty")).toContainText("打开商家发给您的付款链接");
    await buyer.goto("/buyer/disputes");
    await expect(buyer.getByText("买家可以在订单页面发起争议")).toBeVisible();
    await buyerContext.close();
  });

  test("charts show ¥ and their figures without hover; quiet calendar days have no bar; a reversed date range says so", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateFor("merchant") });
    const page = await context.newPage();
    await page.goto("/merchant");
    // The axis labels are in yuan ("¥30"), and the day's figure is written out under the chart.
    await expect(page.getByRole("img", { name: "每日销售额（近 30 天）" })).toContainText(/¥[1-9]/);
    const figures = page.getByTestId("sales-figures");
    await expect(figures).toContainText("近 30 天合计");
    expect(fenOf(await figures.locator("li").first().innerText())).toBeGreaterThan(0n);

    await page.goto("/merchant/calendar");
    const days = page.getByTestId("release-day");
    await expect(days).toHaveCount(14);
    for (const day of await days.all()) {
      const amount = BigInt((await day.getAttribute("data-amount"))!);
      await expect(day.getByTestId("release-bar")).toHaveCount(amount > 0n ? 1 : 0);
    }

    await page.goto("/merchant/orders?from=2026-12-01&to=2026-11-01");
    await expect(page.getByTestId("range-reversed")).toContainText("开始日期（2026-12-01）晚于结束日期（2026-11-01）");
    await expect(page.getByTestId("order-row")).toHaveCount(0);
    await context.close();
  });
});
