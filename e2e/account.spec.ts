import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD, signIn, storageStateFor, uniqueEmail } from "./helpers";
import { shippedOrderViaUi } from "./orders-helpers";

const PASSWORD = "a-long-enough-password";
const NEW_PASSWORD = "another-long-passphrase";

async function registerBuyer(page: Page, email: string, name = "账户测试") {
  await page.goto("/register");
  await page.getByLabel("名称").fill(name);
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(PASSWORD);
  await page.getByTestId("register-submit").click();
  await expect(page).toHaveURL(/\/buyer$/);
}

/** The admin's outbox page, reloaded until the newest message of `kind` to `email` is sent; returns its text. */
async function readFromOutbox(browser: Browser, email: string, kind: string) {
  const context = await browser.newContext({ storageState: storageStateFor("admin") });
  const admin = await context.newPage();
  const row = admin.locator(`[data-testid="outbox-row"][data-kind="${kind}"][data-to="${email}"]`).first();
  await expect(async () => {
    await admin.goto("/admin/outbox");
    await expect(row).toContainText("已发送", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await row.getByRole("link").click();
  const text = await admin.getByTestId("outbox-text").innerText();
  const subject = await admin.getByTestId("outbox-subject").innerText();
  await context.close();
  return { text, subject };
}

test.describe("account @account", () => {
  test("changing the password keeps this browser signed in and refuses a cookie saved before, on a page and in a server action", async ({ browser }) => {
    const email = uniqueEmail("account");
    const mine = await browser.newContext();
    const page = await mine.newPage();
    await registerBuyer(page, email);
    const saved = await mine.storageState();

    // Another browser holding a copy of the cookie, with a form open.
    const thief = await browser.newContext({ storageState: saved });
    const stolen = await thief.newPage();
    await stolen.goto("/buyer/account");
    await expect(stolen.getByTestId("account-email")).toHaveText(email);

    await page.getByTestId("account-link").click();
    await expect(page).toHaveURL(/\/buyer\/account$/);
    const form = page.getByTestId("change-password-form");
    await form.getByLabel("当前密码").fill("not-my-password");
    await form.getByLabel("新密码", { exact: true }).fill(NEW_PASSWORD);
    await form.getByLabel("再次输入新密码").fill(NEW_PASSWORD);
    await form.getByRole("button", { name: "修改密码" }).click();
    await expect(form.getByText("当前密码不正确。")).toBeVisible();
    await form.getByLabel("当前密码").fill(PASSWORD);
    await form.getByLabel("新密码", { exact: true }).fill("1234567890");
    await form.getByLabel("再次输入新密码").fill("1234567890");
    await form.getByRole("button", { name: "修改密码" }).click();
    await expect(form.getByText("这个密码太常见，容易被猜中，请换一个。")).toBeVisible();
    await form.getByLabel("新密码", { exact: true }).fill(NEW_PASSWORD);
    await form.getByLabel("再次输入新密码").fill(NEW_PASSWORD);
    await form.getByRole("button", { name: "修改密码" }).click();
    await expect(form.getByText("密码已修改，其他设备上的登录已退出。")).toBeVisible();

    // This browser stays signed in.
    await page.goto("/buyer/account");
    await expect(page.getByTestId("account-email")).toHaveText(email);

    // The saved cookie: a server action is refused, then a page sends it to sign in.
    const stolenForm = stolen.getByTestId("change-password-form");
    await stolenForm.getByLabel("当前密码").fill(NEW_PASSWORD);
    await stolenForm.getByLabel("新密码", { exact: true }).fill("a-thiefs-own-passphrase");
    await stolenForm.getByLabel("再次输入新密码").fill("a-thiefs-own-passphrase");
    await stolenForm.getByRole("button", { name: "修改密码" }).click();
    await expect(stolen.getByText("请先登录。")).toBeVisible();
    await stolen.goto("/buyer");
    await expect(stolen).toHaveURL(/\/login\?callbackUrl=%2Fbuyer/);
    await thief.close();
    const replay = await browser.newContext({ storageState: saved });
    const again = await replay.newPage();
    await again.goto("/buyer/account");
    await expect(again).toHaveURL(/\/login/);
    // Only the new password signs in.
    await again.locator('input[name="email"]').fill(email);
    await again.locator('input[name="password"]').fill(PASSWORD);
    await again.getByTestId("login-submit").click();
    await expect(again.getByTestId("login-form").getByRole("alert")).toHaveText("邮箱或密码不正确。");
    await signIn(again, email, NEW_PASSWORD);
    await expect(again).toHaveURL(/\/buyer$/);
    await replay.close();
    await mine.close();
  });

  test("forgot password: the answer never tells whether the email exists; the emailed link (read in the admin outbox) resets the password once", async ({ browser }) => {
    const email = uniqueEmail("forgot");
    const mine = await browser.newContext();
    const page = await mine.newPage();
    await registerBuyer(page, email, "Forgetful");
    // The account's language is English: its emails are too.
    await page.goto("/buyer/account");
    await page.getByTestId("language-form").getByLabel("English").check();
    await page.getByTestId("language-form").getByRole("button", { name: "保存语言" }).click();
    await expect(page.getByRole("heading", { name: "Account settings" })).toBeVisible();
    await page.getByTestId("sign-out").click();
    await expect(page).toHaveURL(/\/login$/);

    await page.getByTestId("forgot-link").click();
    await expect(page).toHaveURL(/\/forgot-password$/);
    const form = page.getByTestId("forgot-password-form");
    await form.getByLabel("Email").fill("not an email");
    await form.getByRole("button", { name: "Send the reset link" }).click();
    await expect(form.getByText("Enter a valid email address.")).toBeVisible();
    await form.getByLabel("Email").fill("nobody-here@e2e.anxin");
    await form.getByRole("button", { name: "Send the reset link" }).click();
    const unknownAnswer = (await page.getByTestId("forgot-sent").innerText()).replace("nobody-here@e2e.anxin", "<email>");
    await form.getByLabel("Email").fill(email.toUpperCase());
    await form.getByRole("button", { name: "Send the reset link" }).click();
    await expect(page.getByTestId("forgot-sent")).toContainText(email);
    expect((await page.getByTestId("forgot-sent").innerText()).replace(email, "<email>")).toBe(unknownAnswer);

    const message = await readFromOutbox(browser, email, "password.reset");
    expect(message.subject).toBe("Reset your Anxin Pay password");
    const link = /https?:\/\/\S+\/reset-password\/[A-Za-z0-9_-]+/.exec(message.text)?.[0];
    expect(link).toBeTruthy();
    const path = new URL(link!).pathname;

    await page.goto(path);
    const reset = page.getByTestId("reset-password-form");
    await reset.getByLabel("New password", { exact: true }).fill("short");
    await reset.getByLabel("New password again").fill("short");
    await reset.getByRole("button", { name: "Set the new password" }).click();
    await expect(reset.getByText("The password needs at least 10 characters.")).toBeVisible();
    await reset.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
    await reset.getByLabel("New password again").fill(NEW_PASSWORD);
    await reset.getByRole("button", { name: "Set the new password" }).click();
    await expect(page).toHaveURL(/\/login\?reset=1$/);
    await expect(page.getByTestId("reset-done")).toBeVisible();
    await signIn(page, email, NEW_PASSWORD);
    await expect(page).toHaveURL(/\/buyer$/);

    // The link worked once.
    const other = await browser.newPage();
    await other.goto(path);
    await expect(other.getByTestId("reset-invalid")).toBeVisible();
    await other.close();
    await mine.close();
  });

  test("a merchant renames its shop: a bad name is explained, a good one shows at once", async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto("/register");
    await page.getByLabel("商家").check();
    await page.getByLabel("名称").fill("改名前的小店");
    await page.getByLabel("邮箱").fill(uniqueEmail("shop"));
    await page.getByLabel("密码").fill(PASSWORD);
    await page.getByTestId("register-submit").click();
    await expect(page).toHaveURL(/\/merchant$/);
    await page.goto("/merchant/account");
    const form = page.getByTestId("shop-name-form");
    await form.getByLabel("店铺名称").fill("<b>小店</b>");
    await form.getByRole("button", { name: "保存名称" }).click();
    await expect(form.getByText("店铺名称只能包含文字、数字、空格和常用标点", { exact: false })).toBeVisible();
    await form.getByLabel("店铺名称").fill("  山间 · 手作  ");
    await form.getByRole("button", { name: "保存名称" }).click();
    await expect(form.getByText("店铺名称已保存。")).toBeVisible();
    await page.goto("/merchant");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("山间 · 手作");
    await context.close();
  });

  test("the buyer's home shows an order awaiting confirmation; its notification links to it; mark all as read shows at once", async ({ browser }) => {
    const { merchant, buyer, merchantContext, buyerContext, buyerOrderUrl } = await shippedOrderViaUi(browser, "白茶饼", "66.00");
    const orderNo = /\d{10,}/.exec(await merchant.getByTestId("order-no").innerText())![0];
    await merchantContext.close();

    await buyer.goto("/buyer");
    const waiting = buyer.getByTestId("waiting-confirm").filter({ hasText: orderNo });
    await expect(waiting).toContainText("确认收货");
    await expect(waiting).toContainText("¥66.00");
    await expect(buyer.getByTestId("escrow-held")).not.toHaveText("¥0.00");
    await waiting.getByRole("link").click();
    await expect(buyer).toHaveURL(buyerOrderUrl);

    await expect(buyer.getByTestId("unread-count")).toBeVisible();
    await buyer.getByTestId("notifications-link").click();
    const shipped = buyer.getByTestId("notification").filter({ hasText: `订单 ${orderNo} 已发货` });
    await expect(shipped).toHaveAttribute("data-unread", "true");
    await buyer.getByTestId("mark-read").click();
    await expect(buyer.getByTestId("unread-count")).toHaveCount(0);
    await expect(shipped).toHaveAttribute("data-unread", "false");
    await expect(buyer.locator('[data-testid="notification"][data-unread="true"]')).toHaveCount(0);
    await shipped.getByRole("link").click();
    await expect(buyer).toHaveURL(buyerOrderUrl);
    await buyerContext.close();
  });

  test("a new buyer's home says what to do next", async ({ page }) => {
    await registerBuyer(page, uniqueEmail("newbuyer"));
    await expect(page.getByTestId("nothing-waiting")).toBeVisible();
    await expect(page.getByTestId("no-orders")).toContainText("付款链接");
    await expect(page.getByTestId("escrow-orders")).toHaveText("目前没有托管中的款项。");
  });

  test.describe("at 390 px, in both languages", () => {
    test.use({ viewport: { width: 390, height: 844 } });
    const pages: { role?: "buyer" | "merchant" | "admin"; paths: string[] }[] = [
      { paths: ["/login", "/forgot-password", "/reset-password/not-a-real-token"] },
      { role: "buyer", paths: ["/buyer", "/buyer/account", "/buyer/notifications"] },
      { role: "merchant", paths: ["/merchant/account", "/merchant/notifications"] },
      { role: "admin", paths: ["/admin/account", "/admin/outbox", "/admin/notifications"] },
    ];
    for (const locale of ["zh-CN", "en"]) {
      test(`new pages fit the screen (${locale})`, async ({ browser, baseURL }) => {
        for (const { role, paths } of pages) {
          const context = await browser.newContext({ viewport: { width: 390, height: 844 }, ...(role ? { storageState: storageStateFor(role) } : {}) });
          await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL! }]);
          const page = await context.newPage();
          for (const path of paths) {
            const response = await page.goto(path);
            expect(response?.status(), path).toBe(200);
            await expect(page.locator("h1, h2").first(), path).toBeVisible();
            expect(await page.evaluate(() => document.documentElement.lang), path).toBe(locale);
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
            expect(overflow, `${path} ${locale} is wider than the screen`).toBeLessThanOrEqual(0);
          }
          if (role === "admin") {
            // An outbox message, whatever its state, opens.
            await page.goto("/admin/outbox");
            const first = page.getByTestId("outbox-row").first();
            if (await first.count()) {
              await first.getByRole("link").click();
              await expect(page.getByTestId("outbox-subject")).toBeVisible();
              expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
            }
          }
          await context.close();
        }
      });
    }
  });
});

