import { expect, test, type Page } from "@playwright/test";
import { storageStateFor, uniqueEmail } from "./helpers";

const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000004000000040802000000269309290000001049444154789c6310cbb803470cc47100263215a1a3043edc0000000049454e44ae426082", "hex");
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

async function upload(page: Page, kind: string, file: { name: string; mimeType: string; buffer: Buffer }) {
  const form = page.getByTestId(`upload-${kind}`);
  await form.locator('input[type="file"]').setInputFiles(file);
  await form.getByRole("button", { name: /上传|Upload/ }).click();
  await expect(form.getByText(/已上传|Uploaded/).first()).toBeVisible();
}

test.describe("merchant onboarding @onboarding", () => {
  test("register, complete every step, get asked for more, fix it in English, get approved at MEDIUM risk", async ({ page, browser }) => {
    const email = uniqueEmail("shop");
    await page.goto("/register?role=MERCHANT");
    await page.getByLabel("名称").fill("小满茶铺");
    await page.getByLabel("邮箱").fill(email);
    await page.getByLabel("密码").fill("a-long-enough-password");
    await page.getByTestId("register-submit").click();
    await expect(page).toHaveURL(/\/merchant$/);
    await expect(page.getByTestId("merchant-status")).toContainText("入驻资料填写中");
    // Not approved yet: no orders can be created.
    await page.goto("/merchant/orders/new");
    await expect(page.getByText("商家通过入驻审核后才能创建订单。")).toBeVisible();
    await page.goto("/merchant");
    await page.getByTestId("start-onboarding").click();

    // Step 1, with one mistake first: the credit code's check character.
    const business = page.getByTestId("step-business");
    await business.getByLabel("主体类型").selectOption("COMPANY");
    await business.getByLabel("注册名称").fill("福州青禾茶业有限公司");
    await business.getByLabel("统一社会信用代码").fill("91350100M000100Y44");
    await business.getByLabel("经营类目").selectOption("food");
    await business.getByLabel("店铺或网站地址").fill("https://qinghe.example.cn");
    await business.getByLabel("预计月销售额（元）").fill("120000");
    await business.getByRole("button", { name: "保存并继续" }).click();
    await expect(business.getByText("统一社会信用代码校验位不正确。")).toBeVisible();
    await business.getByLabel("统一社会信用代码").fill("91350100M000100Y43");
    await business.getByRole("button", { name: "保存并继续" }).click();

    const rep = page.getByTestId("step-representative");
    await rep.getByLabel("法定代表人姓名").fill("张三");
    await rep.getByLabel("法定代表人身份证号").fill("11010519491231002X");
    await rep.getByLabel("法定代表人手机号").fill("13800138000");
    await rep.getByRole("button", { name: "保存并继续" }).click();

    const settlement = page.getByTestId("step-settlement");
    await settlement.getByLabel("开户银行").selectOption("CMB");
    await settlement.getByLabel("账户名").fill("福州青禾茶业有限公司");
    await settlement.getByLabel("银行卡号或账号").fill("6222 0200 0000 0007");
    await settlement.getByRole("button", { name: "保存并继续" }).click();

    await expect(page.getByTestId("step-title")).toHaveText("证件材料");
    const renamed = { name: "licence.png", mimeType: "image/png", buffer: Buffer.from("this is not an image at all") };
    await page.getByTestId("upload-BUSINESS_LICENSE").locator('input[type="file"]').setInputFiles(renamed);
    await page.getByTestId("upload-BUSINESS_LICENSE").getByRole("button", { name: "上传" }).click();
    await expect(page.getByText("只支持 JPG、PNG 或 PDF 文件（按文件内容判断）。")).toBeVisible();
    await upload(page, "BUSINESS_LICENSE", { name: "licence.pdf", mimeType: "application/pdf", buffer: PDF });
    await upload(page, "ID_FRONT", { name: "front.png", mimeType: "image/png", buffer: PNG });
    await upload(page, "ID_BACK", { name: "back.png", mimeType: "image/png", buffer: PNG });
    await page.getByTestId("to-review").click();
    await expect(page.getByTestId("application-summary")).toContainText("91350100M000100Y43");
    await page.getByTestId("submit-application").getByRole("button").click();
    await expect(page.getByTestId("merchant-status")).toContainText("审核中");

    // The admin asks for the representative's mobile number again.
    const adminContext = await browser.newContext({ storageState: storageStateFor("admin") });
    const admin = await adminContext.newPage();
    await admin.goto(`/admin/merchants?q=${encodeURIComponent(email)}`);
    await admin.getByTestId("queue-row").getByRole("link").click();
    await expect(admin.getByTestId("check-results")).not.toContainText("未通过");
    await expect(admin.locator('img[alt="身份证人像面"]')).toBeVisible();
    const ask = admin.getByTestId("needs-info-form");
    await ask.getByLabel("法定代表人手机号").check();
    await ask.getByLabel("给商家的说明").fill("请填写法定代表人本人的手机号");
    await ask.getByRole("button", { name: "要求补充资料" }).click();
    // The decision takes effect at once: the page now shows the new status, and the forms are gone.
    await expect(admin.getByTestId("review-status")).toHaveText("需补充资料");
    await expect(admin.getByTestId("needs-info-form")).toHaveCount(0);

    // The merchant sees what to fix, switches to English and fixes it there.
    await page.reload();
    await expect(page.getByTestId("merchant-status")).toContainText("需补充资料");
    await expect(page.getByTestId("needs-info")).toContainText("请填写法定代表人本人的手机号");
    await expect(page.getByTestId("notifications")).toContainText("审核人员需要您补充资料。");
    await page.getByTestId("language-switch").click();
    await expect(page.getByTestId("merchant-status")).toContainText("More information needed");
    await page.getByTestId("needs-info").getByRole("link", { name: "Representative's mobile number" }).click();
    const repEn = page.getByTestId("step-representative");
    await expect(repEn.getByText("The reviewer asked you to change this")).toBeVisible();
    await repEn.getByLabel("Representative's mobile number").fill("12345");
    await repEn.getByRole("button", { name: "Save and continue" }).click();
    await expect(repEn.getByText("Enter a valid mainland China mobile number.")).toBeVisible();
    await repEn.getByLabel("Representative's mobile number").fill("13900139000");
    await repEn.getByRole("button", { name: "Save and continue" }).click();
    await page.goto("/merchant/onboarding?step=5");
    await page.getByTestId("submit-application").getByRole("button", { name: "Submit for review" }).click();
    await expect(page.getByTestId("merchant-status")).toContainText("Under review");

    // The admin approves at medium risk; the fee and reserve follow from the settings.
    await admin.reload();
    const approve = admin.getByTestId("approve-form");
    await approve.getByLabel("风险等级").selectOption("MEDIUM");
    await approve.getByRole("button", { name: "通过" }).click();
    await expect(admin.getByRole("dialog")).toContainText("福州青禾茶业有限公司 将以中风险等级通过审核");
    await admin.getByRole("dialog").getByRole("button", { name: "通过" }).click();
    await expect(admin.getByTestId("review-status")).toHaveText("已通过");
    await expect(admin.getByTestId("pricing")).toContainText("中风险：担保交易手续费 1.00%，保证金比例 5.00%");
    await admin.goto("/admin/audit");
    await expect(admin.getByTestId("audit-row").first()).toContainText("商家通过审核（或恢复）");
    await adminContext.close();

    await page.goto("/merchant");
    await expect(page.getByTestId("merchant-status")).toContainText("Approved");
    await expect(page.getByTestId("notifications")).toContainText("Your onboarding is approved at medium risk.");
    // Approved: the order area is open to it now.
    await page.goto("/merchant/orders/new");
    await expect(page.getByTestId("new-order-form")).toBeVisible();
  });
});
