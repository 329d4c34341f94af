import { expect, request, test } from "@playwright/test";
import { parseCsv } from "../tests/csv";
import { DEMO, storageStateFor } from "./helpers";

const baseURL = `http://localhost:${Number(process.env.E2E_PORT ?? 3311)}`;
const KEY = "credit.restore.fullCleanDays";

/**
 * The audit log viewer: a change made in the console is found by filtering on its action and its actor, its
 * detail shows the value before and after, the CSV of the same filters holds it; a merchant is refused.
 */
test.describe("audit log viewer @admin", () => {
  test("filter by action and actor, open the detail, download the CSV; merchants refused", async ({ browser }) => {
    test.setTimeout(120_000);
    const context = await browser.newContext({ storageState: storageStateFor("admin") });
    const page = await context.newPage();
    await page.goto("/admin/settings");
    const form = page.getByTestId(`setting-${KEY}`);
    const before = await form.locator('input[name="value"]').inputValue();
    const after = String(Number(before) === 91 ? 92 : 91);
    await form.locator('input[name="value"]').fill(after);
    await form.getByRole("button", { name: "保存" }).click();
    await expect(form.getByRole("status")).toHaveText("已保存");

    await page.goto("/admin/audit");
    const filters = page.getByTestId("audit-filters");
    await filters.getByRole("combobox", { name: "操作", exact: true }).selectOption("setting.update");
    await filters.getByRole("textbox", { name: "操作人" }).fill("ADMIN@anxin");
    await page.getByTestId("audit-filter-submit").click();
    await expect(page).toHaveURL(/action=setting.update/);
    const rows = page.getByTestId("audit-row");
    await expect(rows.first()).toContainText("修改参数");
    await expect(rows.first()).toContainText(DEMO.admin);
    await expect(rows.first()).toContainText("信用修复：完全恢复所需无逾期天数");

    await rows.first().getByTestId("audit-detail-link").click();
    await expect(page.getByTestId("audit-detail-actor")).toHaveText(DEMO.admin);
    const change = page.getByTestId("audit-change").filter({ hasText: "值" }).first();
    await expect(change).toHaveAttribute("data-changed", "yes");
    await expect(change).toContainText(before);
    await expect(change).toContainText(after);

    // The CSV of the same filters holds the entry, newest first.
    const api = await request.newContext({ baseURL, storageState: storageStateFor("admin") });
    const csv = await api.get(`/api/admin/audit/csv?action=setting.update&actor=${encodeURIComponent("admin@anxin")}`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const table = parseCsv(await csv.text());
    const newest = table[1];
    expect(newest[4]).toBe("setting.update");
    expect(newest[6]).toBe(KEY);
    expect(newest[8]).toContain(after);
    // A reversed range says so instead of showing nothing.
    await page.goto("/admin/audit?from=2026-11-05&to=2026-11-01");
    await expect(page.getByTestId("audit-reversed")).toBeVisible();
    await api.dispose();
    await context.close();

    const merchant = await request.newContext({ baseURL, storageState: storageStateFor("merchant") });
    expect((await merchant.get("/api/admin/audit/csv")).status()).toBe(404);
    const view = await merchant.get("/admin/audit");
    // The forbidden page in place (403), or sent away; never the log.
    expect(view.status() === 403 || new URL(view.url()).pathname !== "/admin/audit").toBe(true);
    expect(await view.text()).not.toContain("audit-row");
    await merchant.dispose();
  });
});
