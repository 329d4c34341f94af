import { expect, test } from "@playwright/test";
import { fenOf, storageStateFor } from "./helpers";
import { shippedOrderViaUi } from "./orders-helpers";

const PHOTO = Buffer.from("89504e470d0a1a0a0000000d4948445200000004000000040802000000269309290000001049444154789c6338e0a000470cc47100de43120153ae4e3f0000000049454e44ae426082", "hex");

test.describe("disputes @disputes", () => {
  test("buyer disputes with a photo, merchant contests, buyer escalates, admin refunds in part; both balances move by exactly that", async ({ browser }) => {
    const { merchant, buyer, merchantContext, buyerContext } = await shippedOrderViaUi(browser, "紫砂壶", "300.00");

    await buyer.goto("/buyer/wallet");
    const buyerBefore = fenOf(await buyer.getByTestId("wallet-balance").innerText());
    await buyer.goBack();
    const open = buyer.getByTestId("open-dispute");
    await open.getByLabel("争议原因").selectOption("DAMAGED");
    await open.getByLabel("申请退款金额（元）").fill("300");
    await open.getByLabel("问题描述").fill("壶嘴有裂痕，见照片");
    await open.locator('input[type="file"]').setInputFiles({ name: "crack.png", mimeType: "image/png", buffer: PHOTO });
    await open.getByRole("button", { name: "发起争议" }).click();
    await expect(buyer.getByTestId("order-status")).toHaveText("争议中");
    await buyer.getByTestId("to-dispute").click();
    await expect(buyer.getByTestId("dispute-status")).toHaveText("等待商家回应");
    await expect(buyer.getByTestId("dispute-deadline")).toContainText("逾期将支持买家");
    await expect(buyer.locator('img[alt="crack.png"]')).toBeVisible();
    const disputePath = new URL(buyer.url()).pathname.replace("/buyer/", "/");

    // The merchant contests with its own evidence.
    await merchant.reload();
    await merchant.getByTestId("to-dispute").click();
    const contest = merchant.getByTestId("merchant-contest");
    await contest.getByLabel("异议理由").fill("发货前拍照检查完好，疑为运输损坏");
    await contest.locator('input[type="file"]').setInputFiles({ name: "before.png", mimeType: "image/png", buffer: PHOTO });
    await contest.getByRole("button", { name: "提出异议" }).click();
    await expect(merchant.getByTestId("dispute-status")).toHaveText("等待买家回应");

    await merchant.goto("/merchant/wallet");
    const merchantBefore = fenOf(await merchant.getByTestId("wallet-balance").innerText());

    // The buyer escalates.
    await buyer.reload();
    await expect(buyer.getByTestId("dispute-thread")).toContainText("疑为运输损坏");
    await buyer.getByTestId("buyer-escalate").getByRole("button", { name: "申请平台介入" }).click();
    await expect(buyer.getByTestId("dispute-status")).toHaveText("平台处理中");

    // An admin refunds ¥120.00 of the ¥300.00.
    const adminContext = await browser.newContext({ storageState: storageStateFor("admin") });
    const admin = await adminContext.newPage();
    await admin.goto("/admin/disputes");
    await admin.goto(`/admin${disputePath}`);
    await expect(admin.getByTestId("party-history")).toBeVisible();
    const decide = admin.getByTestId("admin-decide");
    await decide.getByLabel("裁决结果").selectOption("REFUND_PART");
    await decide.getByLabel("部分退款金额（元，仅部分退款时填写）").fill("120");
    await decide.getByLabel("裁决原因").selectOption("SHARED_RESPONSIBILITY");
    await decide.getByLabel("裁决说明（双方可见）").fill("运输损坏，双方分担");
    await decide.getByRole("button", { name: "提交裁决" }).click();
    await expect(admin.getByRole("dialog")).toContainText("将向买家退还 ¥120.00");
    await admin.getByRole("dialog").getByRole("button", { name: "提交裁决" }).click();
    await expect(admin.getByTestId("dispute-status")).toHaveText("已结束：部分退款");
    await adminContext.close();

    // Both sides see the outcome, and their balances moved by exactly that.
    await buyer.reload();
    await expect(buyer.getByTestId("dispute-outcome")).toContainText("退还买家 ¥120.00");
    await expect(buyer.getByTestId("dispute-outcome")).toContainText("运输损坏，双方分担");
    await buyer.goto("/buyer/wallet");
    expect(fenOf(await buyer.getByTestId("wallet-balance").innerText()) - buyerBefore).toBe(12_000n);

    await merchant.goto(`/merchant${disputePath}`);
    await expect(merchant.getByTestId("dispute-outcome")).toContainText("¥120.00");
    await merchant.goto("/merchant/wallet");
    // The rest (¥180.00) is released at MEDIUM risk: fee ¥1.80, reserve ¥8.91, net ¥169.29.
    expect(fenOf(await merchant.getByTestId("wallet-balance").innerText()) - merchantBefore).toBe(16_929n);
    await merchantContext.close();
    await buyerContext.close();
  });
});
