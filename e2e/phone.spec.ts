import { expect, request, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { appRoutes } from "../tests/app-routes";
import { signIn, storageStateFor } from "./helpers";
import { someAuditEntry, withE2eDatabase } from "./database";
import { shippedOrderViaUi } from "./orders-helpers";

/**
 * Every page at phone width (390 × 844), as every kind of user, in both languages: no page is wider than the
 * screen, every amount on it (anything set in tabular figures: totals, balances, table cells) lies within the
 * screen, the area's tabs all show (they wrap), and the key amounts of a page are visible. A page added to
 * the app and missing from VISITS fails the first test until it is listed.
 */

const PHONE = { width: 390, height: 844 };
const PHOTO = Buffer.from("89504e470d0a1a0a0000000d4948445200000004000000040802000000269309290000001049444154789c6338e0a000470cc47100de43120153ae4e3f0000000049454e44ae426082", "hex");
const baseURL = `http://localhost:${Number(process.env.E2E_PORT ?? 3311)}`;

type Who = "signedOut" | "admin" | "merchant" | "buyer" | "newshop" | "creditshop";
type Ids = { orderId: string; disputeId: string; payPath: string; unpaidOrderId: string; newshopMerchantId: string; outboxEmailId: string; loanId: string; loanApplicationId: string; auditId: string };
/** For each page: who opens which URLs, and the test ids of amounts that must be on screen there. */
type Visit = { who: Who; urls: (ids: Ids) => string[]; keys?: string[] };

const VISITS: Record<string, Visit[]> = {
  "/": [{ who: "signedOut", urls: () => ["/"] }],
  "/login": [{ who: "signedOut", urls: () => ["/login"] }],
  // Without the cookie of a first step it says to sign in again; the set-up step is checked in second-factor.spec.ts.
  "/login/second-factor": [{ who: "signedOut", urls: () => ["/login/second-factor"] }],
  // Without codes just made it sends the administrator home; the codes themselves: second-factor.spec.ts.
  "/login/recovery-codes": [{ who: "admin", urls: () => ["/login/recovery-codes"] }],
  "/register": [{ who: "signedOut", urls: () => ["/register", "/register?role=MERCHANT"] }],
  "/forbidden": [{ who: "buyer", urls: () => ["/forbidden"] }],
  "/forgot-password": [{ who: "signedOut", urls: () => ["/forgot-password"] }],
  // A link that is not (or no longer) valid still gets a page that fits.
  "/reset-password/[token]": [{ who: "signedOut", urls: () => [`/reset-password/${"A".repeat(43)}`] }],
  "/account": [{ who: "buyer", urls: () => ["/account"] }],
  "/admin/account": [{ who: "admin", urls: () => ["/admin/account"] }],
  "/admin/notifications": [{ who: "admin", urls: () => ["/admin/notifications"] }],
  "/admin/outbox": [{ who: "admin", urls: () => ["/admin/outbox"] }],
  "/admin/outbox/[id]": [{ who: "admin", urls: (i) => [`/admin/outbox/${i.outboxEmailId}`] }],
  "/buyer/account": [{ who: "buyer", urls: () => ["/buyer/account"] }],
  "/buyer/notifications": [{ who: "buyer", urls: () => ["/buyer/notifications"] }],
  "/merchant/account": [{ who: "merchant", urls: () => ["/merchant/account"] }],
  "/merchant/notifications": [{ who: "merchant", urls: () => ["/merchant/notifications"] }],
  "/pay/[token]": [
    { who: "buyer", urls: (i) => [i.payPath], keys: ["order-total", "pay-balance"] },
    { who: "merchant", urls: (i) => [i.payPath] },
  ],
  "/admin": [{ who: "admin", urls: () => ["/admin", "/admin?from=2026-12-01&to=2026-11-01"], keys: ["overview-gmv", "overview-escrow", "overview-fees"] }],
  "/admin/audit": [{ who: "admin", urls: () => ["/admin/audit", "/admin/audit?action=setting.update&from=2026-11-05&to=2026-11-01"] }],
  "/admin/audit/[id]": [{ who: "admin", urls: (i) => [`/admin/audit/${i.auditId}`] }],
  "/admin/fund": [{ who: "admin", urls: () => ["/admin/fund"], keys: ["admin-fund-size", "admin-fund-holders"] }],
  "/admin/credit": [{ who: "admin", urls: () => ["/admin/credit"], keys: ["portfolio-outstanding", "portfolio-npl"] }],
  "/admin/credit/loans/[id]": [{ who: "admin", urls: (i) => [`/admin/credit/loans/${i.loanId}`], keys: ["loan-owed", "loan-outstanding"] }],
  "/admin/credit/applications/[id]": [{ who: "admin", urls: (i) => [`/admin/credit/applications/${i.loanApplicationId}`], keys: ["review-score"] }],
  "/admin/disputes": [{ who: "admin", urls: () => ["/admin/disputes?status=ALL"] }],
  "/admin/disputes/[id]": [{ who: "admin", urls: (i) => [`/admin/disputes/${i.disputeId}`] }],
  "/admin/merchants": [{ who: "admin", urls: () => ["/admin/merchants?status=ALL"] }],
  "/admin/merchants/[id]": [{ who: "admin", urls: (i) => [`/admin/merchants/${i.newshopMerchantId}`] }],
  "/admin/orders": [{ who: "admin", urls: () => ["/admin/orders"] }],
  "/admin/orders/[id]": [{ who: "admin", urls: (i) => [`/admin/orders/${i.orderId}`], keys: ["order-total", "money-paid", "money-escrow"] }],
  "/admin/settings": [{ who: "admin", urls: () => ["/admin/settings"] }],
  "/admin/users": [{ who: "admin", urls: () => ["/admin/users"] }],
  "/buyer": [{ who: "buyer", urls: () => ["/buyer"] }],
  "/buyer/orders": [{ who: "buyer", urls: () => ["/buyer/orders"] }],
  "/buyer/orders/[id]": [{ who: "buyer", urls: (i) => [`/buyer/orders/${i.orderId}`], keys: ["order-total", "order-status"] }],
  "/buyer/disputes": [{ who: "buyer", urls: () => ["/buyer/disputes"] }],
  "/buyer/disputes/[id]": [{ who: "buyer", urls: (i) => [`/buyer/disputes/${i.disputeId}`], keys: ["dispute-status"] }],
  "/buyer/statements": [{ who: "buyer", urls: () => ["/buyer/statements", "/buyer/statements?account=FUND"], keys: ["statement-opening", "statement-closing"] }],
  "/buyer/wallet": [{ who: "buyer", urls: () => ["/buyer/wallet"], keys: ["wallet-balance"] }],
  "/buyer/fund": [{ who: "buyer", urls: () => ["/buyer/fund", "/buyer/fund?range=90"], keys: ["fund-balance", "fund-yesterday-yield", "fund-seven-day"] }],
  "/merchant": [
    { who: "merchant", urls: () => ["/merchant"], keys: ["sales-today", "escrow-held", "merchant-balance"] },
    { who: "newshop", urls: () => ["/merchant"], keys: ["merchant-balance"] },
  ],
  "/merchant/calendar": [{ who: "merchant", urls: () => ["/merchant/calendar"] }],
  "/merchant/onboarding": [{ who: "newshop", urls: () => [1, 2, 3, 4, 5].map((step) => `/merchant/onboarding?step=${step}`) }],
  "/merchant/orders": [{ who: "merchant", urls: () => ["/merchant/orders", "/merchant/orders?from=2026-12-01&to=2026-11-01"] }],
  "/merchant/orders/new": [{ who: "merchant", urls: () => ["/merchant/orders/new"], keys: ["preview-total", "preview-net"] }],
  "/merchant/orders/[id]": [{ who: "merchant", urls: (i) => [`/merchant/orders/${i.orderId}`, `/merchant/orders/${i.unpaidOrderId}`], keys: ["order-total", "order-status"] }],
  "/merchant/disputes": [{ who: "merchant", urls: () => ["/merchant/disputes"] }],
  "/merchant/disputes/[id]": [{ who: "merchant", urls: (i) => [`/merchant/disputes/${i.disputeId}`], keys: ["dispute-status"] }],
  "/merchant/fund": [
    { who: "merchant", urls: () => ["/merchant/fund"], keys: ["fund-balance", "fund-seven-day"] },
    { who: "newshop", urls: () => ["/merchant/fund"] },
  ],
  "/merchant/credit": [
    { who: "creditshop", urls: () => ["/merchant/credit"], keys: ["credit-available", "credit-limit", "credit-score"] },
    { who: "merchant", urls: () => ["/merchant/credit"], keys: ["credit-available"] },
    { who: "newshop", urls: () => ["/merchant/credit"] },
  ],
  "/merchant/credit/apply": [{ who: "creditshop", urls: () => ["/merchant/credit/apply"] }],
  "/merchant/credit/loans/[id]": [{ who: "creditshop", urls: (i) => [`/merchant/credit/loans/${i.loanId}`], keys: ["loan-owed", "loan-outstanding"] }],
  "/merchant/statements": [
    { who: "merchant", urls: () => ["/merchant/statements"], keys: ["statement-opening", "statement-closing"] },
    { who: "newshop", urls: () => ["/merchant/statements"] },
  ],
  "/merchant/wallet": [
    { who: "merchant", urls: () => ["/merchant/wallet"], keys: ["wallet-balance"] },
    { who: "newshop", urls: () => ["/merchant/wallet"], keys: ["wallet-balance"] },
  ],
};

const PAGES = appRoutes().filter((r) => r.kind === "page");

/** What is off-screen on the page as it is now: the page's own width, amounts, tabs, and the page's key amounts. */
async function offScreen(page: Page, keys: string[]): Promise<string[]> {
  return page.evaluate(
    ([keys, width]) => {
      const problems: string[] = [];
      // Measured against the phone's width itself: a mobile browser zooms out to fit a page that is too wide,
      // and window.innerWidth then grows with it.
      const scroll = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);
      if (scroll > width || window.innerWidth > width) problems.push(`page is ${scroll}px wide (window ${window.innerWidth}px)`);
      const outside = (el: Element) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && (r.left < -1 || r.right > width + 1);
      };
      const shown = (el: Element) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
      for (const el of document.querySelectorAll("main .tabular-nums, header nav a")) {
        if (shown(el) && outside(el)) problems.push(`off-screen: "${(el.textContent ?? "").trim().slice(0, 40)}"`);
      }
      for (const key of keys) {
        const el = document.querySelector(`[data-testid="${key}"]`);
        if (!el || !shown(el)) problems.push(`missing: ${key}`);
        else if (outside(el)) problems.push(`off-screen: ${key}`);
      }
      return problems;
    },
    [keys, PHONE.width] as const,
  );
}

type State = Awaited<ReturnType<BrowserContext["storageState"]>>;

async function setUp(browser: Browser): Promise<{ ids: Ids; newshopState: State; creditshopState: State }> {
  const { merchant, buyer, merchantContext, buyerContext, orderUrl } = await shippedOrderViaUi(browser, "手机宽度测试的特级明前龙井茶礼盒装", "1288.50");
  const orderId = new URL(orderUrl).pathname.split("/").pop()!;
  await buyer.goto(`/buyer/orders/${orderId}`);
  const open = buyer.getByTestId("open-dispute");
  await open.getByLabel("争议原因").selectOption("NOT_AS_DESCRIBED");
  await open.getByLabel("申请退款金额（元）").fill("100");
  await open.getByLabel("问题描述").fill("茶叶与描述的等级不符，见照片");
  await open.locator('input[type="file"]').setInputFiles({ name: "tea.png", mimeType: "image/png", buffer: PHOTO });
  await open.getByRole("button", { name: "发起争议" }).click();
  await buyer.getByTestId("to-dispute").click();
  await expect(buyer.getByTestId("dispute-status")).toBeVisible();
  const disputeId = new URL(buyer.url()).pathname.split("/").pop()!;

  await merchant.goto("/merchant/orders/new");
  const form = merchant.getByTestId("new-order-form");
  await form.getByLabel("商品名称 1").fill("待付款的茶");
  await form.getByLabel("单价（元） 1").fill("12,345.67");
  await form.getByRole("button", { name: "创建订单" }).click();
  await expect(merchant.getByTestId("pay-link")).toBeVisible();
  const payPath = new URL(await merchant.getByTestId("pay-link").innerText()).pathname;
  const unpaidOrderId = new URL(merchant.url()).pathname.split("/").pop()!;
  await merchantContext.close();
  await buyerContext.close();

  const newshop = await browser.newContext();
  await signIn(await newshop.newPage(), "newshop@anxin.test");
  const newshopState = await newshop.storageState();
  await newshop.close();
  const admin = await request.newContext({ baseURL, storageState: storageStateFor("admin") });
  const queue = await (await admin.get(`/admin/merchants?status=ALL&q=${encodeURIComponent("newshop@anxin.test")}`)).text();
  const newshopMerchantId = queue.match(/\/admin\/merchants\/([a-z0-9]+)"/)![1];
  // The shipping above queued an email to the buyer; its page is one of the outbox pages.
  const outbox = await (await admin.get("/admin/outbox")).text();
  const outboxEmailId = outbox.match(/href="\/admin\/outbox\/(\d+)"/)![1];
  await admin.dispose();
  const creditshop = await browser.newContext();
  await signIn(await creditshop.newPage(), "shop3@anxin.test");
  const creditshopState = await creditshop.storageState();
  await creditshop.close();
  const loan = await withE2eDatabase((db) => db.loan.findFirstOrThrow({ where: { product: "CREDIT" }, orderBy: { createdAt: "asc" }, select: { id: true, applicationId: true } }));
  return { ids: { orderId, disputeId, payPath, unpaidOrderId, newshopMerchantId, outboxEmailId, loanId: loan.id, loanApplicationId: loan.applicationId, auditId: await someAuditEntry() }, newshopState, creditshopState };
}

test.describe("phone width, 390 × 844 @phone", () => {
  let ids: Ids;
  let states: Record<Who, string | Awaited<ReturnType<BrowserContext["storageState"]>> | undefined>;

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(180_000);
    const made = await setUp(browser);
    ids = made.ids;
    states = { signedOut: undefined, admin: storageStateFor("admin"), merchant: storageStateFor("merchant"), buyer: storageStateFor("buyer"), newshop: made.newshopState, creditshop: made.creditshopState };
  });

  test("every page in the file tree is in the phone table", () => {
    expect(PAGES.map((p) => p.pattern).filter((p) => !(p in VISITS))).toEqual([]);
    expect(Object.keys(VISITS).filter((p) => !PAGES.some((r) => r.pattern === p))).toEqual([]);
  });

  for (const locale of ["zh-CN", "en"] as const) {
    for (const who of ["signedOut", "admin", "merchant", "buyer", "newshop", "creditshop"] as const) {
      test(`${who}, ${locale}: no page is wider than the phone, and its amounts and tabs are on screen`, async ({ browser }) => {
        test.setTimeout(180_000);
        const context = await browser.newContext({ storageState: states[who], viewport: PHONE, isMobile: true, hasTouch: true });
        await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL }]);
        const page = await context.newPage();
        const problems: string[] = [];
        let visited = 0;
        for (const [pattern, visits] of Object.entries(VISITS)) {
          for (const visit of visits.filter((v) => v.who === who)) {
            for (const url of visit.urls(ids)) {
              const response = await page.goto(url);
              expect(response?.status(), url).toBeLessThan(400);
              await expect(page.locator("html")).toHaveAttribute("lang", locale);
              visited++;
              for (const problem of await offScreen(page, visit.keys ?? [])) problems.push(`${pattern} ${url}: ${problem}`);
            }
          }
        }
        expect(visited).toBeGreaterThan(0);
        expect(problems).toEqual([]);
        await context.close();
      });
    }
  }

  test("a confirmation dialog fits the phone and names what happens", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateFor("merchant"), viewport: PHONE, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`/merchant/orders/${ids.unpaidOrderId}`);
    await page.getByTestId("close-order-form").getByRole("button").click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toBeVisible();
    const box = (await dialog.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    await dialog.getByRole("button", { name: "保留订单" }).click();
    await expect(dialog).toBeHidden();
    await context.close();
  });
});
