import { expect, type Browser } from "@playwright/test";
import { storageStateFor } from "./helpers";

/** Through the UI: the demo merchant creates an order, the demo buyer pays it, the merchant ships it. */
export async function shippedOrderViaUi(browser: Browser, item: string, priceYuan: string) {
  const merchantContext = await browser.newContext({ storageState: storageStateFor("merchant") });
  const merchant = await merchantContext.newPage();
  await merchant.goto("/merchant/orders/new");
  const form = merchant.getByTestId("new-order-form");
  await form.getByLabel("商品名称 1").fill(item);
  await form.getByLabel("单价（元） 1").fill(priceYuan);
  await form.getByRole("button", { name: "创建订单" }).click();
  await expect(merchant.getByTestId("pay-link")).toBeVisible();
  const orderUrl = merchant.url();
  const payPath = new URL(await merchant.getByTestId("pay-link").innerText()).pathname;

  const buyerContext = await browser.newContext({ storageState: storageStateFor("buyer") });
  const buyer = await buyerContext.newPage();
  await buyer.goto(payPath);
  await buyer.getByTestId("pay-form").getByRole("button").click();
  await buyer.getByTestId("to-order").click();
  // The URL once the order page is there, not the payment page's (the click only starts the navigation).
  await buyer.waitForURL(/\/buyer\/orders\/[^/]+$/);
  const buyerOrderUrl = buyer.url();

  await merchant.reload();
  const ship = merchant.getByTestId("ship-form");
  await ship.getByLabel("运单号").fill("YT88776655");
  await ship.getByRole("button", { name: "确认发货" }).click();
  await expect(merchant.getByTestId("order-status")).toHaveText("已发货");
  return { merchant, buyer, merchantContext, buyerContext, orderUrl, buyerOrderUrl, payPath };
}
