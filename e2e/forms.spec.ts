import { expect, test, type Browser, type Locator } from "@playwright/test";
import { DEMO, signIn, storageStateFor, uniqueEmail } from "./helpers";
import { shippedOrderViaUi } from "./orders-helpers";

/**
 * Every form shows a refusal the same way (components/forms/form.tsx): one summary at the top, and each
 * field's message under that field, tied to it (aria-invalid, aria-describedby), naming the field and the
 * limit. Each form below is submitted with a bad value and the message is looked for on the right field.
 */

/** The field is marked, and one of the elements describing it says `message`; the form shows it once, with one summary. */
async function expectFieldError(form: Locator, control: Locator, message: string) {
  await expect(form.getByText(message, { exact: true })).toHaveCount(1);
  await expect(control).toHaveAttribute("aria-invalid", "true");
  const ids = ((await control.getAttribute("aria-describedby")) ?? "").split(/\s+/).filter(Boolean);
  const described = await Promise.all(ids.map((id) => form.page().locator(`[id="${id}"]`).innerText()));
  expect(described, `the description of the field should say "${message}"`).toContain(message);
  await expect(form.getByTestId("form-errors")).toHaveCount(1);
  await expect(form.getByText(message, { exact: true })).toHaveCount(1);
}

async function paidOrder(browser: Browser, item: string, price: string) {
  const merchantContext = await browser.newContext({ storageState: storageStateFor("merchant") });
  const merchant = await merchantContext.newPage();
  await merchant.goto("/merchant/orders/new");
  const form = merchant.getByTestId("new-order-form");
  await form.getByLabel("商品名称 1").fill(item);
  await form.getByLabel("单价（元） 1").fill(price);
  await form.getByRole("button", { name: "创建订单" }).click();
  await expect(merchant.getByTestId("pay-link")).toBeVisible();
  const payPath = new URL(await merchant.getByTestId("pay-link").innerText()).pathname;
  const buyerContext = await browser.newContext({ storageState: storageStateFor("buyer") });
  const buyer = await buyerContext.newPage();
  await buyer.goto(payPath);
  await buyer.getByTestId("pay-form").getByRole("button").click();
  await buyer.getByTestId("to-order").click();
  await merchant.reload();
  return { merchant, buyer, close: async () => (await merchantContext.close(), await buyerContext.close()) };
}

test.describe("form errors @forms", () => {
  test("sign-in: an empty form asks for the email and the password, on their fields, and does not say 'wrong password'", async ({ page }) => {
    await page.goto("/login");
    const form = page.getByTestId("login-form");
    await page.getByTestId("login-submit").click();
    await expectFieldError(form, form.getByLabel("邮箱"), "请输入邮箱。");
    await expectFieldError(form, form.getByLabel("密码"), "请输入密码。");
    await expect(form.getByTestId("form-errors")).toHaveText("下面标出了 2 项，请检查后再提交。");
    await expect(form.getByText("邮箱或密码不正确。")).toHaveCount(0);
    // The first marked field has the focus.
    await expect(form.getByLabel("邮箱")).toBeFocused();
  });

  test("registration: a short password is refused on the password field", async ({ page }) => {
    await page.goto("/register");
    const form = page.getByTestId("register-form");
    await form.getByLabel("名称").fill("表单测试");
    await form.getByLabel("邮箱").fill(uniqueEmail("forms"));
    await form.getByLabel("密码").fill("short");
    await page.getByTestId("register-submit").click();
    await expectFieldError(form, form.getByLabel("密码"), "密码至少需要 10 个字符。");
  });

  test("wallet: a malformed amount and a short bank account, each on its field, naming it", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateFor("buyer") });
    const page = await context.newPage();
    await page.goto("/buyer/wallet");
    const topUp = page.getByTestId("top-up-form");
    await topUp.getByLabel("金额（元）").fill("12.3.4");
    await topUp.getByRole("button", { name: "充值" }).click();
    await expectFieldError(topUp, topUp.getByLabel("金额（元）"), "金额请填写数字，例如 100、88.50 或 1,234.56（千位分隔符须每三位一个）。");
    const withdraw = page.getByTestId("withdraw-form");
    await withdraw.getByLabel("金额（元）").fill("1");
    await withdraw.getByLabel("收款银行账号").fill("123");
    await withdraw.getByRole("button", { name: "提现" }).click();
    await expectFieldError(withdraw, withdraw.getByLabel("收款银行账号"), "银行账号应为 12–19 位数字。");
    // The other form on the page is untouched.
    await expect(topUp.getByTestId("form-errors")).toHaveCount(1);
    await context.close();
  });

  test("new order: a bad price on line 2 is shown on line 2's price, naming the line; a long note names the note and its limit", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateFor("merchant") });
    const page = await context.newPage();
    await page.goto("/merchant/orders/new");
    const form = page.getByTestId("new-order-form");
    await form.getByLabel("商品名称 1").fill("好茶");
    await form.getByLabel("单价（元） 1").fill("10");
    await form.getByRole("button", { name: "添加商品" }).click();
    await form.getByLabel("商品名称 2").fill("好壶");
    await form.getByLabel("单价（元） 2").fill("1,00");
    await form.getByLabel("备注（选填）").fill("长".repeat(501));
    await form.getByRole("button", { name: "创建订单" }).click();
    await expectFieldError(form, form.getByLabel("单价（元） 2"), "第 2 行单价请填写数字，例如 100、88.50 或 1,234.56（千位分隔符须每三位一个）。");
    await expectFieldError(form, form.getByLabel("备注（选填）"), "备注最多 500 个字。");
    await expect(form.getByLabel("单价（元） 1")).not.toHaveAttribute("aria-invalid", "true");
    await expect(page).toHaveURL(/\/merchant\/orders\/new$/);
    await context.close();
  });

  test("order actions: a bad tracking number and a refund above what escrow holds, each on its field", async ({ browser }) => {
    const { merchant, close } = await paidOrder(browser, "表单测试茶", "50.00");
    const ship = merchant.getByTestId("ship-form");
    await ship.getByLabel("运单号").fill("!!");
    await ship.getByRole("button", { name: "确认发货" }).click();
    await expectFieldError(ship, ship.getByLabel("运单号"), "运单号应为 6–30 位字母、数字或连字符。");
    const refund = merchant.getByTestId("refund-form");
    await refund.getByLabel("退款金额（元）").fill("60");
    await refund.getByRole("button", { name: "退款给买家" }).click();
    // A refund asks first (naming the amount); the server then refuses it on its field.
    await merchant.getByRole("dialog").getByRole("button", { name: "退款给买家" }).click();
    await expectFieldError(refund, refund.getByLabel("退款金额（元）"), "退款金额不能超过担保中的金额。");
    await close();
  });

  test("disputes: too short a description, an empty message; a sent message leaves the box; an offer above the claim", async ({ browser }) => {
    const { merchant, buyer, merchantContext, buyerContext } = await shippedOrderViaUi(browser, "表单争议茶", "80.00");
    const open = buyer.getByTestId("open-dispute");
    await open.getByLabel("争议原因").selectOption("DAMAGED");
    await open.getByLabel("申请退款金额（元）").fill("30");
    await open.getByLabel("问题描述").fill("坏");
    await open.getByRole("button", { name: "发起争议" }).click();
    await expectFieldError(open, open.getByLabel("问题描述"), "请至少用 5 个字描述问题。");
    await open.getByLabel("问题描述").fill("杯子碎了，见照片");
    await open.getByRole("button", { name: "发起争议" }).click();
    await buyer.getByTestId("to-dispute").click();

    const message = buyer.getByTestId("dispute-message");
    await message.getByRole("button", { name: "发送" }).click();
    await expectFieldError(message, message.getByLabel("留言"), "请填写留言。");
    await message.getByLabel("留言").fill("请尽快处理");
    await message.getByRole("button", { name: "发送" }).click();
    await expect(buyer.getByTestId("dispute-thread")).toContainText("请尽快处理");
    await expect(message.getByLabel("留言")).toHaveValue("");
    await expect(message.getByTestId("form-errors")).toHaveCount(0);

    await merchant.reload();
    await merchant.getByTestId("to-dispute").click();
    const offer = merchant.getByTestId("merchant-offer");
    await offer.getByLabel("部分退款金额（元）").fill("30");
    await offer.getByRole("button", { name: "提出部分退款" }).click();
    await expectFieldError(offer, offer.getByLabel("部分退款金额（元）"), "部分退款应大于 0 且小于申请金额。");
    await merchantContext.close();
    await buyerContext.close();
  });

  test("admin: a setting out of range names the setting and its range (in both languages); a bad email for a new administrator", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateFor("admin") });
    const page = await context.newPage();
    await page.goto("/admin/settings");
    const setting = page.getByTestId("setting-merchant.feeRateBps.LOW");
    const value = setting.getByRole("textbox");
    await value.fill("5000");
    await setting.getByRole("button", { name: "保存" }).click();
    await expectFieldError(setting, value, "手续费率 · 低风险应为 0 到 1,000 之间的整数。");
    await value.fill("abc");
    await setting.getByRole("button", { name: "保存" }).click();
    await expectFieldError(setting, value, "手续费率 · 低风险应为整数。");
    await page.getByTestId("language-switch").click();
    await expect(page.getByTestId("language-switch")).toHaveText("中文");
    await value.fill("5000");
    await setting.getByRole("button", { name: "Save" }).click();
    await expectFieldError(setting, value, "Fee rate · low risk: a whole number from 0 to 1,000.");
    await page.getByTestId("language-switch").click();
    await expect(page.getByTestId("language-switch")).toHaveText("English");

    await page.goto("/admin/users");
    const create = page.getByTestId("create-admin-form");
    await create.getByLabel("名称").fill("表单测试");
    await create.getByLabel("邮箱").fill("not-an-email");
    await create.getByLabel("初始密码").fill("a-long-enough-password");
    await create.getByRole("button", { name: "创建管理员" }).click();
    await expectFieldError(create, create.getByLabel("邮箱"), "请输入有效的邮箱地址。");
    await context.close();
  });

  test("admin: a suspension without a reason is refused on the reason field", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateFor("admin") });
    const page = await context.newPage();
    await page.goto(`/admin/merchants?status=ALL&q=${encodeURIComponent(DEMO.merchant2)}`);
    await page.getByTestId("queue-row").getByRole("link").first().click();
    const form = page.getByTestId("suspension-form");
    await form.getByRole("button").click();
    await expectFieldError(form, form.getByLabel("原因"), "请填写原因。");
    await expect(page.getByTestId("review-status")).toHaveText("已通过");
    await context.close();
  });

  test("onboarding: a wrong file type on its upload, an incomplete application listed by name", async ({ page }) => {
    await signIn(page, "newshop@anxin.test");
    await page.goto("/merchant/onboarding?step=4");
    const licence = page.getByTestId("upload-BUSINESS_LICENSE");
    await licence.locator('input[type="file"]').setInputFiles({ name: "licence.txt", mimeType: "text/plain", buffer: Buffer.from("not a licence") });
    await licence.getByRole("button", { name: "上传" }).click();
    await expectFieldError(licence, licence.locator('input[type="file"]'), "只支持 JPG、PNG 或 PDF 文件（按文件内容判断）。");

    await page.goto("/merchant/onboarding?step=5");
    const submit = page.getByTestId("submit-application");
    await submit.getByRole("button", { name: "提交审核" }).click();
    const summary = submit.getByTestId("form-errors");
    await expect(summary).toContainText("申请还没有填写完整：");
    await expect(summary).toContainText("尚未上传营业执照。");
    await expect(summary).not.toContainText("BUSINESS_LICENSE");
  });
});

