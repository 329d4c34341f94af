import { expect, test } from "@playwright/test";
import { stepAt, totpCode } from "../lib/auth/totp";
import { DEMO_PASSWORD, storageStateFor, uniqueEmail } from "./helpers";

/** Administrators sign in with a second factor: set up on first sign-in, a code each time, recovery codes. */
test.describe("admin second factor @security @admin", () => {
  test("a new admin sets up an authenticator at first sign-in, gets recovery codes, and later signs in with one", async ({ browser }) => {
    const email = uniqueEmail("new-admin");
    const boss = await (await browser.newContext({ storageState: storageStateFor("admin") })).newPage();
    await boss.goto("/admin/users");
    const form = boss.getByTestId("create-admin-form");
    await form.getByLabel("名称").fill("新来的运营");
    await form.getByLabel("邮箱").fill(email);
    await form.getByLabel("初始密码").fill(DEMO_PASSWORD);
    await form.getByLabel("管理员角色").selectOption("OPERATIONS");
    await form.getByRole("button", { name: "创建管理员" }).click();
    await expect(form.getByRole("status")).toContainText(email);
    await boss.context().close();

    const context = await browser.newContext();
    const page = await context.newPage();
    const password = async () => {
      await page.goto("/login");
      await page.locator('input[name="email"]').fill(email);
      await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
      await page.getByTestId("login-submit").click();
      await expect(page).toHaveURL(/\/login\/second-factor/);
    };
    await password();
    // No session yet: the console is still closed.
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/login/);
    await password();
    await expect(page.getByRole("img", { name: "两步验证二维码" })).toBeVisible();
    const secret = (await page.getByTestId("second-factor-secret").innerText()).replace(/\s/g, "");
    const setUp = page.getByTestId("second-factor-form");
    await setUp.getByLabel("应用显示的 6 位验证码").fill("000000");
    await setUp.getByTestId("second-factor-submit").click();
    await expect(setUp.getByText("验证码不正确或已使用过")).toBeVisible();
    await setUp.getByLabel("应用显示的 6 位验证码").fill(totpCode(secret, stepAt(new Date())));
    await setUp.getByTestId("second-factor-submit").click();
    const codes = page.getByTestId("recovery-code");
    await expect(codes).toHaveCount(10);
    const recovery = await codes.first().innerText();
    await page.getByTestId("second-factor-continue").click();
    await expect(page).toHaveURL(/\/admin$/);

    await page.getByTestId("sign-out").click();
    await password();
    await expect(page.getByTestId("second-factor-setup")).toHaveCount(0);
    const step = page.getByTestId("second-factor-form");
    await step.getByLabel("验证码或恢复码").fill(recovery);
    await step.getByTestId("second-factor-submit").click();
    await expect(page).toHaveURL(/\/admin$/);
    // Spent: the same recovery code does not work twice.
    await page.getByTestId("sign-out").click();
    await password();
    await step.getByLabel("验证码或恢复码").fill(recovery);
    await step.getByTestId("second-factor-submit").click();
    await expect(step.getByText("验证码不正确或已使用过")).toBeVisible();
    await context.close();
  });
});
