import { expect, test } from "@playwright/test";
import { shippedOrderViaUi } from "./orders-helpers";

// Evidence is optional: a parcel that never came has nothing to photograph. An empty file input is no file.
test.describe("disputes without a file @disputes", () => {
  test("a buyer opens a dispute, the merchant contests and both write in the thread, none attaching a file", async ({ browser }) => {
    const { merchant, buyer, merchantContext, buyerContext } = await shippedOrderViaUi(browser, "未到的包裹", "88.00");

    const open = buyer.getByTestId("open-dispute");
    await open.getByLabel("争议原因").selectOption("NOT_RECEIVED");
    await open.getByLabel("申请退款金额（元）").fill("88");
    await open.getByLabel("问题描述").fill("物流显示签收，但我没有收到包裹");
    await open.getByRole("button", { name: "发起争议" }).click();
    await expect(buyer.getByTestId("order-status")).toHaveText("争议中");
    await buyer.getByTestId("to-dispute").click();
    await expect(buyer.getByTestId("dispute-status")).toHaveText("等待商家回应");

    await buyer.getByTestId("dispute-message").getByRole("textbox").fill("快递柜里也没有");
    await buyer.getByTestId("dispute-message").getByRole("button", { name: "发送" }).click();
    await expect(buyer.getByTestId("dispute-thread")).toContainText("快递柜里也没有");

    await merchant.reload();
    await merchant.getByTestId("to-dispute").click();
    const contest = merchant.getByTestId("merchant-contest");
    await contest.getByLabel("异议理由").fill("快递员确认已放入快递柜，取件码已发送");
    await contest.getByRole("button", { name: "提出异议" }).click();
    await expect(merchant.getByTestId("dispute-status")).toHaveText("等待买家回应");
    await merchant.getByTestId("dispute-message").getByRole("textbox").fill("请查看短信中的取件码");
    await merchant.getByTestId("dispute-message").getByRole("button", { name: "发送" }).click();
    await expect(merchant.getByTestId("dispute-thread")).toContainText("请查看短信中的取件码");
    await expect(merchant.getByText("文件为空")).toHaveCount(0);

    await merchantContext.close();
    await buyerContext.close();
  });
});
