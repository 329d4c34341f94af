import { expect, test } from "@playwright/test";
import { DEMO, fenOf, signIn, storageStateFor, uniqueEmail } from "./helpers";

test.describe("foundation @foundation", () => {
  test("a buyer registers, tops up, sees the balance and the movement, then reads it in English", async ({ page }) => {
    await page.goto("/register");
    await expect(page.getByTestId("register-title")).toHaveText("注册账户");
    await page.getByLabel("名称").fill("测试买家");
    await page.getByLabel("邮箱").fill(uniqueEmail("buyer"));
    await page.getByLabel("密码").fill("short");
    await page.getByTestId("register-submit").click();
    await expect(page.getByText("密码至少需要 10 个字符。")).toBeVisible();
    // What was typed survives the error.
    await expect(page.getByLabel("名称")).toHaveValue("测试买家");

    await page.getByLabel("密码").fill("a-long-enough-password");
    await page.getByTestId("register-submit").click();
    await expect(page).toHaveURL(/\/buyer$/);
    await page.goto("/buyer/wallet");
    await expect(page.getByTestId("wallet-balance")).toHaveText("¥0.00");
    await expect(page.getByTestId("movements-empty")).toBeVisible();

    const topUp = page.getByTestId("top-up-form");
    await topUp.getByLabel("金额（元）").fill("12.3.4");
    await topUp.getByRole("button", { name: "充值" }).click();
    await expect(topUp.getByText("金额请填写数字，例如 100、88.50 或 1,234.56（千位分隔符须每三位一个）。")).toBeVisible();
    await expect(page.getByTestId("wallet-balance")).toHaveText("¥0.00");

    await topUp.getByLabel("金额（元）").fill("1288.50");
    await topUp.getByRole("button", { name: "充值" }).click();
    await expect(topUp.getByText("已充值 ¥1,288.50，当前余额 ¥1,288.50。")).toBeVisible();
    await expect(page.getByTestId("wallet-balance")).toHaveText("¥1,288.50");
    const row = page.getByTestId("movement-row").first();
    await expect(row).toContainText("充值");
    await expect(row).toContainText("+¥1,288.50");

    const withdraw = page.getByTestId("withdraw-form");
    await withdraw.getByLabel("金额（元）").fill("2000");
    await withdraw.getByLabel("收款银行账号").fill("6222020000001234");
    await withdraw.getByRole("button", { name: "提现" }).click();
    await expect(withdraw.getByText("余额不足。")).toBeVisible();
    expect(fenOf(await page.getByTestId("wallet-balance").innerText())).toBe(128850n);

    await page.getByTestId("language-switch").click();
    await expect(page.getByRole("heading", { name: "My wallet" })).toBeVisible();
    await expect(page.getByTestId("wallet-balance")).toHaveText("¥1,288.50");
    await expect(page.getByTestId("movement-row").first()).toContainText("Top-up");
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();

    expect(await page.evaluate(() => document.cookie)).toContain("NEXT_LOCALE=en");
  });

  test("the language choice follows the user to a new browser", async ({ browser }) => {
    const email = uniqueEmail("polyglot");
    const first = await browser.newPage();
    await first.goto("/register");
    await first.getByLabel("名称").fill("Lang");
    await first.getByLabel("邮箱").fill(email);
    await first.getByLabel("密码").fill("a-long-enough-password");
    await first.getByTestId("register-submit").click();
    await expect(first).toHaveURL(/\/buyer$/);
    await first.goto("/buyer/wallet");
    await first.getByTestId("language-switch").click();
    await expect(first.getByRole("heading", { name: "My wallet" })).toBeVisible();
    await first.context().close();

    const context = await browser.newContext();
    const second = await context.newPage();
    await signIn(second, email, "a-long-enough-password");
    await expect(second.getByRole("heading", { name: "Hello, Lang" })).toBeVisible();
    await context.close();
  });

  test("the admin signs in and sees the admin area", async ({ page }) => {
    await signIn(page, DEMO.admin);
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByTestId("admin-title")).toHaveText("管理后台");
    await expect(page.getByText("账本一致")).toBeVisible();
    await page.getByRole("link", { name: "用户" }).click();
    await expect(page.getByRole("cell", { name: DEMO.buyer })).toBeVisible();
  });

  test("a wrong password gets the same message as an unknown email", async ({ page }) => {
    await page.goto("/login");
    await page.locator('input[name="email"]').fill(DEMO.buyer);
    await page.locator('input[name="password"]').fill("not-the-password");
    await page.getByTestId("login-submit").click();
    const form = page.getByTestId("login-form");
    await expect(form.getByRole("alert")).toHaveText("邮箱或密码不正确。");
    // The form keeps what was typed after a failed attempt.
    await expect(page.locator('input[name="email"]')).toHaveValue(DEMO.buyer);
    await page.locator('input[name="email"]').fill("nobody@anxin.test");
    await page.locator('input[name="password"]').fill("not-the-password");
    await page.getByTestId("login-submit").click();
    await expect(form.getByRole("alert")).toHaveText("邮箱或密码不正确。");
  });
});

test.describe("areas are refused to other roles @foundation", () => {
  test.describe("as a merchant", () => {
    test.use({ storageState: storageStateFor("merchant") });
    test("the admin area answers 403", async ({ page }) => {
      const response = await page.goto("/admin");
      expect(response?.status()).toBe(403);
      await expect(page.getByTestId("forbidden-title")).toHaveText("无权访问");
      const users = await page.goto("/admin/users");
      expect(users?.status()).toBe(403);
    });
    test("the buyer area answers 403 and the merchant area opens", async ({ page }) => {
      expect((await page.goto("/buyer/wallet"))?.status()).toBe(403);
      await page.goto("/merchant");
      await expect(page.getByTestId("merchant-status")).toContainText("已通过");
    });
  });

  test.describe("as a buyer", () => {
    test.use({ storageState: storageStateFor("buyer") });
    test("the admin and merchant areas answer 403", async ({ page }) => {
      expect((await page.goto("/admin"))?.status()).toBe(403);
      expect((await page.goto("/merchant/wallet"))?.status()).toBe(403);
    });
  });

  test("signed out, every area sends to the login page", async ({ page }) => {
    for (const path of ["/admin", "/merchant", "/buyer/wallet"]) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/login\?callbackUrl=/);
    }
  });
});
