import { expect, test } from "@playwright/test";
import { signIn, storageStateFor } from "./helpers";

/** Administrator sub-roles in Chromium: each sees its own tabs and is refused the rest; a super admin changes a role. */
test.describe("admin roles @admin", () => {
  test("support sees orders, disputes, merchants, users and emails, and is refused settings, audit and decisions", async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, "support@anxin.test");
    await page.goto("/admin");
    await expect(page.getByTestId("admin-role-intro")).toContainText("客服");
    const nav = page.locator("header nav");
    await expect(nav.getByRole("link", { name: "订单" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "参数设置" })).toHaveCount(0);
    await expect(nav.getByRole("link", { name: "审计日志" })).toHaveCount(0);
    for (const path of ["/admin/settings", "/admin/audit"]) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/forbidden/);
    }
    await page.goto("/admin/orders");
    await expect(page).toHaveURL(/\/admin\/orders/);
    await page.goto("/admin/users");
    await expect(page.getByTestId("create-admin-form")).toHaveCount(0);
    await expect(page.getByTestId("admin-role-form")).toHaveCount(0);
    await context.close();
  });

  test("a super admin makes risk a finance admin: risk is signed out and comes back with finance's tabs; then back", async ({ browser }) => {
    const riskContext = await browser.newContext();
    const risk = await riskContext.newPage();
    await signIn(risk, "risk@anxin.test");
    await risk.goto("/admin/merchants");
    await expect(risk).toHaveURL(/\/admin\/merchants/);

    const admin = await (await browser.newContext({ storageState: storageStateFor("admin") })).newPage();
    const setRole = async (role: string) => {
      await admin.goto(`/admin/users?q=${encodeURIComponent("risk@anxin.test")}`);
      const form = admin.getByTestId("admin-role-form");
      await form.getByLabel("管理员角色").selectOption(role);
      await form.getByRole("button", { name: "修改角色" }).click();
      await expect(form.getByRole("status")).toContainText("risk@anxin.test");
    };
    await setRole("FINANCE");

    await risk.goto("/admin/merchants");
    await expect(risk).toHaveURL(/\/login/);
    await signIn(risk, "risk@anxin.test");
    await risk.goto("/admin/merchants");
    await expect(risk).toHaveURL(/\/forbidden/);
    await risk.goto("/admin/settings");
    await expect(risk).toHaveURL(/\/admin\/settings/);

    await setRole("RISK");
    await admin.context().close();
    await riskContext.close();
  });
});
