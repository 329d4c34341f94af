import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { signIn, storageStateFor } from "./helpers";
import { shippedOrderViaUi } from "./orders-helpers";

/**
 * Every main page, as each role, in both languages: it has a title of its own ("订单 · 安心付", not only
 * "安心付"), exactly one h1, no raw catalog key, code or unfilled {placeholder} in its text, and no serious
 * or critical accessibility violation (axe, WCAG 2.1 A and AA: contrast, names, focusable scroll regions…).
 */

const LOCALES = [
  { locale: "zh-CN", app: "安心付" },
  { locale: "en", app: "Anxin Pay" },
] as const;

/** Codes of the database's enums that are words on their own; with an underscore any ALL_CAPS word is one. */
const ENUM_WORDS = [
  "PAID", "SHIPPED", "CREATED", "COMPLETED", "CANCELLED", "REFUNDED", "DISPUTED", "APPROVED", "REJECTED", "SUBMITTED",
  "SUSPENDED", "DRAFT", "LOW", "MEDIUM", "HIGH", "BUYER", "MERCHANT", "ADMIN", "TOPUP", "WITHDRAWAL", "REVERSAL", "OPEN",
  "ESCALATED", "WITHDRAWN", "COMPANY", "INDIVIDUAL", "DAMAGED", "COUNTERFEIT", "OTHER", "MESSAGE", "OFFER", "CONTEST",
];

/** What in a page's text looks like a code that should have been a word. */
function rawKeys(text: string): string[] {
  // Addresses, links and file names have dots too; they are data, not keys.
  const cleaned = text
    .replace(/\S+@\S+/g, " ")
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/\S+\.(png|jpe?g|pdf|txt|csv)\b/gi, " ");
  const found = [
    ...(cleaned.match(/\b[a-z][a-zA-Z]+(?:\.[a-zA-Z_]{2,}[\w]*)+\b/g) ?? []), // errors.application_incomplete, merchant.feeRateBps.LOW
    ...(cleaned.match(/\b[A-Z][A-Z0-9]+(?:_[A-Z0-9]+)+\b/g) ?? []), // ID_FRONT, RESOLVED_BUYER
    ...(cleaned.match(new RegExp(`\\b(?:${ENUM_WORDS.join("|")})\\b`, "g")) ?? []), // PAID
    ...(cleaned.match(/\{[a-zA-Z_][\w, ]*\}/g) ?? []), // {max}
  ];
  return [...new Set(found)];
}

type Visit = { path: string; as: "signedOut" | "buyer" | "merchant" | "admin" | "onboarding" };

async function firstLink(page: Page, listPath: string, pattern: RegExp): Promise<string | null> {
  await page.goto(listPath);
  for (const href of await page.locator("a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""))) {
    if (pattern.test(href)) return href;
  }
  return null;
}

test.describe("every main page: title, one h1, no raw keys, accessible @pages", () => {
  test.setTimeout(600_000);
  const contexts = new Map<Visit["as"], BrowserContext>();
  let visits: Visit[] = [];

  test.beforeAll(async ({ browser }: { browser: Browser }) => {
    test.setTimeout(180_000);
    // A dispute with a photo, so that the order and dispute pages have something to show.
    const { buyer, merchantContext, buyerContext } = await shippedOrderViaUi(browser, "页面检查茶", "42.00");
    const open = buyer.getByTestId("open-dispute");
    await open.getByLabel("争议原因").selectOption("DAMAGED");
    await open.getByLabel("申请退款金额（元）").fill("10");
    await open.getByLabel("问题描述").fill("盒子压坏了一角");
    await open.getByRole("button", { name: "发起争议" }).click();
    await expect(buyer.getByTestId("to-dispute")).toBeVisible();
    await merchantContext.close();
    await buyerContext.close();

    contexts.set("signedOut", await browser.newContext());
    for (const role of ["buyer", "merchant", "admin"] as const) contexts.set(role, await browser.newContext({ storageState: storageStateFor(role) }));
    const onboarding = await browser.newContext();
    await signIn(await onboarding.newPage(), "newshop@anxin.test");
    contexts.set("onboarding", onboarding);

    const page = await contexts.get("admin")!.newPage();
    const admin = {
      merchant: await firstLink(page, "/admin/merchants?status=ALL", /^\/admin\/merchants\/[\w-]+$/),
      order: await firstLink(page, "/admin/orders", /^\/admin\/orders\/[\w-]+$/),
      dispute: await firstLink(page, "/admin/disputes?status=ALL", /^\/admin\/disputes\/[\w-]+$/),
    };
    await page.close();
    const buyerPage = await contexts.get("buyer")!.newPage();
    const buyerLinks = {
      order: await firstLink(buyerPage, "/buyer/orders", /^\/buyer\/orders\/[\w-]+$/),
      dispute: await firstLink(buyerPage, "/buyer/disputes", /^\/buyer\/disputes\/[\w-]+$/),
    };
    await buyerPage.close();
    const merchantPage = await contexts.get("merchant")!.newPage();
    const merchantLinks = {
      order: await firstLink(merchantPage, "/merchant/orders", /^\/merchant\/orders\/(?!new)[\w-]+$/),
      dispute: await firstLink(merchantPage, "/merchant/disputes", /^\/merchant\/disputes\/[\w-]+$/),
    };
    await merchantPage.close();
    for (const [name, link] of Object.entries({ ...admin, ...buyerLinks, ...merchantLinks })) expect(link, name).not.toBeNull();

    visits = [
      { as: "signedOut", path: "/login" },
      { as: "signedOut", path: "/register" },
      { as: "signedOut", path: "/no-such-page" },
      { as: "buyer", path: "/buyer/wallet" },
      { as: "buyer", path: "/buyer/orders" },
      { as: "buyer", path: buyerLinks.order! },
      { as: "buyer", path: "/buyer/disputes" },
      { as: "buyer", path: buyerLinks.dispute! },
      { as: "buyer", path: "/admin" }, // 403
      { as: "merchant", path: "/merchant" },
      { as: "merchant", path: "/merchant/orders" },
      { as: "merchant", path: "/merchant/orders/new" },
      { as: "merchant", path: merchantLinks.order! },
      { as: "merchant", path: "/merchant/calendar" },
      { as: "merchant", path: "/merchant/disputes" },
      { as: "merchant", path: merchantLinks.dispute! },
      { as: "merchant", path: "/merchant/wallet" },
      { as: "onboarding", path: "/merchant" },
      ...[1, 2, 3, 4, 5].map((step) => ({ as: "onboarding" as const, path: `/merchant/onboarding?step=${step}` })),
      { as: "admin", path: "/admin" },
      { as: "admin", path: "/admin/merchants?status=ALL" },
      { as: "admin", path: admin.merchant! },
      { as: "admin", path: "/admin/orders" },
      { as: "admin", path: admin.order! },
      { as: "admin", path: "/admin/disputes?status=ALL" },
      { as: "admin", path: admin.dispute! },
      { as: "admin", path: "/admin/users" },
      { as: "admin", path: "/admin/settings" },
      { as: "admin", path: "/admin/audit" },
    ];
  });

  test.afterAll(async () => {
    for (const context of contexts.values()) await context.close();
  });

  for (const { locale, app } of LOCALES) {
    test(`in ${locale}`, async () => {
      const problems: string[] = [];
      for (const visit of visits) {
        const context = contexts.get(visit.as)!;
        await context.addCookies([{ name: "NEXT_LOCALE", value: locale, domain: "localhost", path: "/" }]);
        const page = await context.newPage();
        await page.goto(visit.path);
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
        const where = `${visit.as} ${visit.path}`;

        // A not-found page's own <title> reaches the head when React hoists it: give it a moment before reading.
        await page.waitForFunction((name) => document.title !== name, app, { timeout: 5_000 }).catch(() => {});
        const title = await page.title();
        if (!title.endsWith(` · ${app}`) || title === app) problems.push(`${where}: title "${title}"`);
        const h1 = await page.locator("h1").count();
        if (h1 !== 1) problems.push(`${where}: ${h1} h1`);
        const keys = rawKeys(await page.locator("body").innerText());
        if (keys.length) problems.push(`${where}: raw ${keys.join(", ")}`);

        const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
        for (const v of axe.violations.filter((x) => x.impact === "serious" || x.impact === "critical")) {
          problems.push(`${where}: axe ${v.id} (${v.impact}) on ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`);
        }
        await page.close();
      }
      expect(problems).toEqual([]);
    });
  }

});

test.describe("the raw-key check @pages", () => {
  test("the raw-key check finds what it must and passes what it must", () => {
    expect(rawKeys("申请尚未填写完整：BUSINESS_LICENSE, ID_FRONT")).toEqual(["BUSINESS_LICENSE", "ID_FRONT"]);
    expect(rawKeys("errors.application_incomplete and merchant.feeRateBps.LOW")).toEqual(expect.arrayContaining(["errors.application_incomplete", "merchant.feeRateBps.LOW"]));
    expect(rawKeys("单笔不能超过 {max}")).toEqual(["{max}"]);
    expect(rawKeys("状态 PAID")).toEqual(["PAID"]);
    expect(rawKeys("shop1@anxin.test e.g. 1,234.56 crack.png https://x.test/a.b CSV PDF JPG SHA-256 ¥8,000.00")).toEqual([]);
  });
});
