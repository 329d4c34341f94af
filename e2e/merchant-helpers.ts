import { expect, type Browser, type Page } from "@playwright/test";
import { creditCodeCheckChar } from "../lib/merchants/checks/credit-code";
import { residentIdCheckChar } from "../lib/merchants/checks/resident-id";
import { DEMO_PASSWORD, storageStateFor, uniqueEmail } from "./helpers";

const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000004000000040802000000269309290000001049444154789c6310cbb803470cc47100263215a1a3043edc0000000049454e44ae426082", "hex");
const CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const pick = (chars: string, n: number) => Array.from({ length: n }, () => chars[Math.floor(Math.random() * chars.length)]).join("");

/**
 * Identity details of their own for each merchant a journey registers: valid (check characters computed), and
 * shared with nobody, so the reviewer is never asked to acknowledge matches with another journey's merchant.
 */
function uniqueIdentity() {
  const credit17 = `91350100${pick(CHARSET, 9)}`;
  const id17 = `11010519${String(70 + Math.floor(Math.random() * 30))}0101${pick("0123456789", 3)}`;
  return {
    creditCode: credit17 + creditCodeCheckChar(credit17),
    idNumber: id17 + residentIdCheckChar(id17),
    // 15 digits: a corporate account number, not Luhn-checked (lib/merchants/checks/banks.ts).
    account: `9${pick("0123456789", 14)}`,
  };
}

/** A new merchant registers, completes the five onboarding steps and submits; it stays signed in on `page`. */
export async function submittedMerchantViaUi(browser: Browser, name: string) {
  const email = uniqueEmail("newcomer-shop");
  const context = await browser.newContext();
  const page = await context.newPage();
  const id = uniqueIdentity();
  await page.goto("/register?role=MERCHANT");
  await page.getByLabel("名称").fill(name);
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByTestId("register-submit").click();
  await expect(page).toHaveURL(/\/merchant$/);
  await page.goto("/merchant/onboarding?step=1");
  const business = page.getByTestId("step-business");
  await business.getByLabel("主体类型").selectOption("COMPANY");
  await business.getByLabel("注册名称").fill(`${name}有限公司`);
  await business.getByLabel("统一社会信用代码").fill(id.creditCode);
  await business.getByLabel("经营类目").selectOption("food");
  await business.getByLabel("店铺或网站地址").fill("https://shop.example.cn");
  await business.getByLabel("预计月销售额（元）").fill("50000");
  await business.getByRole("button", { name: "保存并继续" }).click();
  const rep = page.getByTestId("step-representative");
  await rep.getByLabel("法定代表人姓名").fill("赵六");
  await rep.getByLabel("法定代表人身份证号").fill(id.idNumber);
  await rep.getByLabel("法定代表人手机号").fill("13700137000");
  await rep.getByRole("button", { name: "保存并继续" }).click();
  const settlement = page.getByTestId("step-settlement");
  await settlement.getByLabel("开户银行").selectOption("CMB");
  await settlement.getByLabel("账户名").fill(`${name}有限公司`);
  await settlement.getByLabel("银行卡号或账号").fill(id.account);
  await settlement.getByRole("button", { name: "保存并继续" }).click();
  await expect(page.getByTestId("step-title")).toHaveText("证件材料");
  for (const kind of ["BUSINESS_LICENSE", "ID_FRONT", "ID_BACK"]) {
    const form = page.getByTestId(`upload-${kind}`);
    await form.locator('input[type="file"]').setInputFiles({ name: `${kind}.png`, mimeType: "image/png", buffer: PNG });
    await form.getByRole("button", { name: "上传" }).click();
    await expect(form.getByText("已上传").first()).toBeVisible();
  }
  await page.goto("/merchant/onboarding?step=5");
  await page.getByTestId("submit-application").getByRole("button").click();
  await expect(page.getByTestId("merchant-status")).toContainText("审核中");
  return { email, page, context };
}

/** The demo admin opens a merchant's application (found by email) in a context of its own. */
export async function adminReviewPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStateFor("admin") });
  const admin = await context.newPage();
  await admin.goto(`/admin/merchants?status=ALL&q=${encodeURIComponent(email)}`);
  await admin.getByTestId("queue-row").getByRole("link").click();
  await expect(admin.getByTestId("review-title")).toBeVisible();
  return admin;
}
