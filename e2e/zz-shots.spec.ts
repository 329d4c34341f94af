import { test } from "@playwright/test";
import { storageStateFor } from "./helpers";

test("shots @shots", async ({ browser }) => {
  for (const [name, width] of [["phone", 390], ["desk", 1280]] as const) {
    const ctx = await browser.newContext({ storageState: storageStateFor("buyer"), viewport: { width, height: 900 } });
    const page = await ctx.newPage();
    await page.goto("/buyer/fund?range=90");
    await page.waitForTimeout(800);
    await page.screenshot({ path: `/tmp/shot-fund-${name}.png`, fullPage: true });
    await ctx.close();
  }
  const m = await browser.newContext({ storageState: storageStateFor("merchant") });
  const mp = await m.newPage();
  await mp.goto("/merchant/orders/new");
  const form = mp.getByTestId("new-order-form");
  await form.getByLabel("商品名称 1").fill("截图");
  await form.getByLabel("单价（元） 1").fill("6000");
  await form.getByRole("button", { name: "创建订单" }).click();
  const path = new URL(await mp.getByTestId("pay-link").innerText()).pathname;
  const b = await browser.newContext({ storageState: storageStateFor("buyer"), viewport: { width: 390, height: 900 } });
  const bp = await b.newPage();
  await bp.goto(path);
  await bp.screenshot({ path: `/tmp/shot-pay.png`, fullPage: true });
  const a = await browser.newContext({ storageState: storageStateFor("admin"), viewport: { width: 1280, height: 900 } });
  const ap = await a.newPage();
  await ap.goto("/admin/fund");
  await ap.waitForTimeout(800);
  await ap.screenshot({ path: `/tmp/shot-admin.png`, fullPage: true });
  await ap.goto("/admin/settings");
  await ap.screenshot({ path: `/tmp/shot-settings.png`, fullPage: true });
});
