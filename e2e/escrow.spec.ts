import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { fenOf, storageStateFor } from "./helpers";

test.describe("escrow @escrow", () => {
  test("merchant creates an order, a buyer pays by the link, the merchant ships, the buyer confirms, the net reaches the merchant", async ({ browser }) => {
    const merchantContext = await browser.newContext({ storageState: storageStateFor("merchant") });
    const merchant = await merchantContext.newPage();
    await merchant.goto("/merchant/wallet");
    const balanceBefore = fenOf(await merchant.getByTestId("wallet-balance").innerText());

    await merchant.goto("/merchant/orders/new");
    const form = merchant.getByTestId("new-order-form");
    await form.getByLabel("商品名称 1").fill("明前龙井 250g");
    await form.getByLabel("数量 1").fill("2");
    await form.getByLabel("单价（元） 1").fill("168.50");
    await form.getByLabel("运费（元）").fill("12");
    // The form previews what the server will compute (and what the release below pays).
    await expect(merchant.getByTestId("preview-net")).toHaveText("¥328.24");
    await form.getByRole("button", { name: "创建订单" }).click();
    await expect(merchant.getByTestId("order-total")).toHaveText("¥349.00");
    const orderNo = (await merchant.getByTestId("order-no").innerText()).replace(/\D/g, "");
    const link = await merchant.getByTestId("pay-link").innerText();
    const path = new URL(link).pathname;

    const buyerContext = await browser.newContext({ storageState: storageStateFor("buyer") });
    const buyer = await buyerContext.newPage();
    await buyer.goto(path);
    await expect(buyer.getByTestId("order-total")).toHaveText("¥349.00");
    await buyer.getByTestId("pay-form").getByRole("button", { name: "确认支付 ¥349.00" }).click();
    await buyer.getByTestId("to-order").click();
    await expect(buyer.getByTestId("order-status")).toHaveText("已付款待发货");

    await merchant.reload();
    await expect(merchant.getByTestId("order-status")).toHaveText("已付款待发货");
    const ship = merchant.getByTestId("ship-form");
    await ship.getByLabel("快递公司").selectOption("SF");
    await ship.getByLabel("运单号").fill("SF1029384756");
    await ship.getByRole("button", { name: "确认发货" }).click();
    await expect(merchant.getByTestId("order-status")).toHaveText("已发货");
    await expect(merchant.getByTestId("auto-confirm")).toContainText("自动确认收货");

    await buyer.reload();
    await buyer.getByTestId("confirm-form").getByRole("button", { name: "确认收货" }).click();
    // Money moves only after the buyer confirms in the dialog that names the amount and the shop.
    await expect(buyer.getByRole("dialog")).toContainText("¥349.00 将放款给 青禾茶舍");
    await buyer.getByRole("dialog").getByRole("button", { name: "确认收货并放款" }).click();
    await expect(buyer.getByTestId("order-status")).toHaveText("已完成");
    await expect(buyer.getByTestId("order-timeline")).toContainText("买家确认收货");

    await merchant.reload();
    await expect(merchant.getByTestId("order-status")).toHaveText("已完成");
    const net = fenOf(await merchant.getByTestId("order-net").innerText());
    // Demo merchants are MEDIUM risk: fee 1% (¥3.49), reserve 5% of the rest (¥17.27), net ¥328.24.
    expect(net).toBe(32_824n);
    await merchant.goto("/merchant/wallet");
    expect(fenOf(await merchant.getByTestId("wallet-balance").innerText()) - balanceBefore).toBe(net);

    await merchant.goto(`/merchant/orders?q=${orderNo}`);
    await expect(merchant.getByTestId("order-row")).toHaveCount(1);
    const [download] = await Promise.all([merchant.waitForEvent("download"), merchant.getByTestId("export-csv").click()]);
    const csv = readFileSync((await download.path())!, "utf8");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain("订单号");
    expect(csv).toContain(orderNo);
    expect(csv).toContain("349.00");
    expect(csv).toContain("已完成"); // statuses are words in the reader's language, not internal codes
    await merchantContext.close();
    await buyerContext.close();
  });
});
