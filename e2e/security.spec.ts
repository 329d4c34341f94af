import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, storageStateFor, uniqueEmail } from "./helpers";

/** Every URL the browser asks for in this context, redirects included. */
function recordRequests(context: BrowserContext) {
  const requests: { method: string; url: string }[] = [];
  context.on("request", (request) => requests.push({ method: request.method(), url: request.url() }));
  return requests;
}

async function registerBuyer(page: Page, email: string, password: string) {
  await page.goto("/register");
  await page.getByLabel("名称").fill("安全测试");
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByTestId("register-submit").click();
  await expect(page).toHaveURL(/\/buyer$/);
}

test.describe("security @security", () => {
  test("hostile callbackUrl values end on the portal after sign-in and sign-up; a same-site path is followed", async ({ browser, baseURL }) => {
    const portal = new URL(baseURL!).origin;
    const hostile = ["/\\evil.test/x", "/\t/evil.test", "/\n/evil.test", "//evil.test", "/.//evil.test", "https://evil.test/", "/\\/evil.test"];
    for (const value of hostile) {
      const context = await browser.newContext();
      const requests = recordRequests(context);
      const page = await context.newPage();
      await page.goto(`/login?callbackUrl=${encodeURIComponent(value)}`);
      await page.locator('input[name="email"]').fill(DEMO.buyer);
      await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
      await page.getByTestId("login-submit").click();
      await expect(page, JSON.stringify(value)).toHaveURL(`${portal}/buyer`);
      // Signed in, the login page itself sends the visitor home.
      await page.goto(`/login?callbackUrl=${encodeURIComponent(value)}`);
      await expect(page, JSON.stringify(value)).toHaveURL(`${portal}/buyer`);
      expect(requests.filter((r) => !r.url.startsWith(portal)), JSON.stringify(value)).toEqual([]);
      await context.close();
    }

    const signUp = await browser.newContext();
    const requests = recordRequests(signUp);
    const page = await signUp.newPage();
    await page.goto(`/register?callbackUrl=${encodeURIComponent("/\\evil.test/x")}`);
    await registerBuyer(page, uniqueEmail("redirect"), "a-long-enough-password");
    expect(requests.filter((r) => !r.url.startsWith(portal))).toEqual([]);
    await signUp.close();

    const followed = await browser.newContext();
    const good = await followed.newPage();
    await good.goto(`/login?callbackUrl=${encodeURIComponent("/buyer/orders?page=1")}`);
    await good.locator('input[name="email"]').fill(DEMO.buyer);
    await good.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await good.getByTestId("login-submit").click();
    await expect(good).toHaveURL(`${portal}/buyer/orders?page=1`);
    await followed.close();
  });

  test("after sign-out, a cookie saved before it is refused by a page and by a server action", async ({ browser }) => {
    const email = uniqueEmail("revoked");
    const password = "a-long-enough-password";
    const first = await browser.newContext();
    const page = await first.newPage();
    await registerBuyer(page, email, password);
    const saved = await first.storageState();

    // Another browser holding a copy of the cookie, with the wallet (and its forms) open.
    const thief = await browser.newContext({ storageState: saved });
    const stolen = await thief.newPage();
    await stolen.goto("/buyer/wallet");
    await expect(stolen.getByTestId("wallet-balance")).toHaveText("¥0.00");

    await page.getByTestId("sign-out").click();
    await expect(page).toHaveURL(/\/login$/);

    // A server action with the saved cookie moves nothing.
    const topUp = stolen.getByTestId("top-up-form");
    await topUp.getByLabel("金额（元）").fill("88.00");
    await topUp.getByRole("button", { name: "充值" }).click();
    await expect(stolen.getByText("请先登录。")).toBeVisible();
    await expect(stolen.getByText("已充值")).toHaveCount(0);
    // A page with the saved cookie sends the visitor to sign in.
    await stolen.goto("/buyer/wallet");
    await expect(stolen).toHaveURL(/\/login\?callbackUrl=%2Fbuyer%2Fwallet/);
    await thief.close();

    // The same cookie, replayed as is, is refused too (the browser above may have dropped it).
    const replay = await browser.newContext({ storageState: saved });
    const again = await replay.newPage();
    await again.goto("/buyer/wallet");
    await expect(again).toHaveURL(/\/login/);
    await replay.close();

    // Signing in again works, and the top-up never happened.
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill(password);
    await page.getByTestId("login-submit").click();
    await expect(page).toHaveURL(/\/buyer$/);
    await page.goto("/buyer/wallet");
    await expect(page.getByTestId("wallet-balance")).toHaveText("¥0.00");
    await expect(page.getByTestId("movements-empty")).toBeVisible();
    await first.close();
  });

  test.describe("security headers", () => {
    test("every page carries a nonce CSP and the other headers; pages render and hydrate with no CSP violation", async ({ browser, baseURL }) => {
      const pages: { role?: keyof typeof DEMO; paths: string[] }[] = [
        { paths: ["/login", "/register", "/forgot-password"] },
        { role: "merchant", paths: ["/merchant", "/merchant/calendar", "/merchant/orders", "/merchant/wallet", "/merchant/account"] },
        { role: "buyer", paths: ["/buyer", "/buyer/wallet", "/buyer/orders", "/buyer/notifications"] },
        { role: "admin", paths: ["/admin", "/admin/users", "/admin/settings", "/admin/outbox"] },
      ];
      for (const { role, paths } of pages) {
        const context = await browser.newContext(role ? { storageState: storageStateFor(role) } : {});
        const page = await context.newPage();
        const violations: string[] = [];
        page.on("console", (message) => {
          if (/Content[- ]Security[- ]Policy|Refused to (load|execute|apply)/i.test(message.text())) violations.push(message.text());
        });
        await page.addInitScript(() => {
          document.addEventListener("securitypolicyviolation", (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`));
        });
        for (const path of paths) {
          const response = await page.goto(path);
          expect(response?.status(), path).toBe(200);
          const headers = response!.headers();
          const csp = headers["content-security-policy"];
          expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
          expect(csp, path).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
          expect(csp, path).toContain("frame-ancestors 'none'");
          expect(csp, path).toContain("object-src 'none'");
          expect(headers["referrer-policy"], path).toBe("same-origin");
          expect(headers["x-content-type-options"], path).toBe("nosniff");
          expect(headers["permissions-policy"], path).toContain("camera=()");
          // Served over plain HTTP here: no HSTS (browsers ignore it there anyway).
          if (baseURL!.startsWith("http:")) expect(headers["strict-transport-security"], path).toBeUndefined();
          // Next.js' own scripts carry this response's nonce (the header's one), and ran.
          const nonce = csp.match(/'nonce-([^']+)'/)![1];
          const scripts = await page.evaluate(() => [...document.scripts].map((s) => s.nonce));
          expect(scripts.length, path).toBeGreaterThan(0);
          expect(new Set(scripts), path).toEqual(new Set([nonce]));
          await expect(page.locator("h1, h2").first(), path).toBeVisible();
        }
        if (role === "merchant") {
          // The dashboard's Recharts charts drew their SVG.
          await page.goto("/merchant");
          await expect(page.locator(".recharts-surface").first()).toBeVisible();
        }
        if (!role) {
          // Hydrated: a client component reacts (the language switch), on a public page without side effects.
          await page.goto("/login");
          await page.getByTestId("language-switch").click();
          await expect(page.getByTestId("login-title")).toHaveText("Sign in");
        }
        expect(violations, role ?? "public").toEqual([]);
        await context.close();
      }
    });

    test("API answers carry the headers too, and the portal refuses to be framed", async ({ request }) => {
      const health = await request.get("/api/health");
      expect(health.headers()["x-content-type-options"]).toBe("nosniff");
      expect(health.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect((await request.get("/login")).headers()["x-frame-options"]).toBe("DENY");
    });
  });

  test.describe("forms carrying a password post, even without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("sign-in: a wrong password shows the error, the right one signs in; the password is in no URL", async ({ page, context }) => {
      const requests = recordRequests(context);
      const password = DEMO_PASSWORD;
      await page.goto("/login?callbackUrl=%2Fbuyer%2Forders");
      await page.locator('input[name="email"]').fill(DEMO.buyer);
      await page.locator('input[name="password"]').fill("not-the-password-at-all");
      await page.getByTestId("login-submit").click();
      await expect(page.getByTestId("login-form").getByRole("alert")).toHaveText("邮箱或密码不正确。");
      await page.locator('input[name="email"]').fill(DEMO.buyer);
      await page.locator('input[name="password"]').fill(password);
      await page.getByTestId("login-submit").click();
      await expect(page).toHaveURL(/\/buyer\/orders$/);

      const posts = requests.filter((r) => r.method === "POST").map((r) => new URL(r.url).pathname);
      expect(posts).toEqual(["/login", "/login"]);
      for (const { url } of requests) {
        expect(url).not.toContain("password");
        expect(url).not.toContain(encodeURIComponent(password));
        expect(url).not.toContain("not-the-password");
      }
    });

    test("sign-up posts and signs the new user in", async ({ page, context }) => {
      const requests = recordRequests(context);
      const password = "no-script-password-42";
      await page.goto("/register");
      await page.getByLabel("名称").fill("无脚本");
      await page.getByLabel("邮箱").fill(uniqueEmail("nojs"));
      await page.getByLabel("密码").fill(password);
      await page.getByTestId("register-submit").click();
      await expect(page).toHaveURL(/\/buyer$/);
      expect(requests.some((r) => r.method === "POST" && new URL(r.url).pathname === "/register")).toBe(true);
      for (const { url } of requests) expect(url).not.toContain(password);
    });

    test("changing the password and asking for a reset link post; no password is in a URL", async ({ page, context }) => {
      const requests = recordRequests(context);
      const email = uniqueEmail("nojs-change");
      const password = "no-script-password-43";
      const changed = "no-script-changed-44";
      await page.goto("/register");
      await page.getByLabel("名称").fill("无脚本");
      await page.getByLabel("邮箱").fill(email);
      await page.getByLabel("密码").fill(password);
      await page.getByTestId("register-submit").click();
      await expect(page).toHaveURL(/\/buyer$/);
      await page.goto("/buyer/account");
      const form = page.getByTestId("change-password-form");
      await form.getByLabel("当前密码").fill(password);
      await form.getByLabel("新密码", { exact: true }).fill(changed);
      await form.getByLabel("再次输入新密码").fill(changed);
      await form.getByRole("button", { name: "修改密码" }).click();
      await expect(page.getByText("密码已修改，其他设备上的登录已退出。")).toBeVisible();
      // Still signed in on this browser.
      await page.goto("/buyer/account");
      await expect(page.getByTestId("account-email")).toHaveText(email);

      await context.clearCookies();
      await page.goto("/forgot-password");
      await page.getByLabel("邮箱").fill(email);
      await page.getByRole("button", { name: "发送重设链接" }).click();
      await expect(page.getByTestId("forgot-sent")).toContainText(email);
      const posts = requests.filter((r) => r.method === "POST").map((r) => new URL(r.url).pathname);
      expect(posts).toEqual(["/register", "/buyer/account", "/forgot-password"]);
      for (const { url } of requests) for (const secret of [password, changed]) expect(url).not.toContain(secret);
    });

    test.describe("as the admin", () => {
      test.use({ storageState: storageStateFor("admin") });
      test("creating a user posts", async ({ page, context }) => {
        const requests = recordRequests(context);
        const password = "no-script-admin-pass-7";
        const email = uniqueEmail("nojs-admin");
        await page.goto("/admin/users");
        const form = page.getByTestId("create-admin-form");
        await form.getByLabel("名称").fill("无脚本管理员");
        await form.getByLabel("邮箱").fill(email);
        await form.getByLabel("初始密码").fill(password);
        await form.getByRole("button").click();
        await expect(page.getByText(`已创建管理员 ${email}。`)).toBeVisible();
        expect(requests.some((r) => r.method === "POST" && new URL(r.url).pathname === "/admin/users")).toBe(true);
        for (const { url } of requests) expect(url).not.toContain(password);
      });
    });
  });
});
