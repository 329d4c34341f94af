import { expect, request, test, type APIRequestContext, type Browser, type BrowserContext } from "@playwright/test";
import { appRoutes } from "../tests/app-routes";
import { DEMO, signIn, storageStateFor, uniqueEmail } from "./helpers";
import { someAuditEntry, withE2eDatabase } from "./database";
import { shippedOrderViaUi } from "./orders-helpers";

/**
 * Every page and route handler, enumerated from the file tree (tests/app-routes.ts), requested by every
 * kind of caller with its dynamic segments filled with tenant A's real ids. Tenant A: the demo merchant
 * shop1 and buyer buyer1 (an order they traded, a dispute with a photo) and a merchant in onboarding with a
 * document. Tenant B: shop2 and buyer2. A caller that may not see a resource gets 403, 404 or the sign-in
 * page, and never tenant A's data (its order number, its merchant's email); the right caller sees it
 * (positive controls). A route missing from ROUTES fails the test until it is listed.
 */

const PHOTO = Buffer.from("89504e470d0a1a0a0000000d4948445200000004000000040802000000269309290000001049444154789c6338e0a000470cc47100de43120153ae4e3f0000000049454e44ae426082", "hex");

const CALLERS = ["signedOut", "admin", "merchant", "buyer", "merchantInOnboarding", "merchant2", "buyer2", "merchant3"] as const;
type Caller = (typeof CALLERS)[number];

/** What tenant A created, read back from the pages. */
type TenantA = {
  orderId: string;
  orderNo: string;
  payToken: string;
  disputeId: string;
  disputeFileId: string;
  documentId: string;
  onboardingMerchantId: string;
  onboardingEmail: string;
  onboardingState: Awaited<ReturnType<BrowserContext["storageState"]>>;
  /** The email that told buyer A its order shipped, in the admin outbox. */
  outboxEmailId: string;
  /** The demo credit merchant's (shop3's) loan and its application: no caller here but the platform may see them. */
  loanId: string;
  loanApplicationId: string;
  creditState: Awaited<ReturnType<BrowserContext["storageState"]>>;
  /** An entry of the audit log (one is written here if the log is still empty). */
  auditId: string;
};

type RouteSpec = {
  /** The URL for tenant A's resource (dynamic segments filled). */
  url: (a: TenantA) => string;
  /** Callers who see tenant A's resource. "everyone": a public page with no tenant data. */
  allow: Caller[] | "everyone";
  /** Callers who get the page for their own data (a list, their wallet): 200, never tenant A's data. */
  own?: Caller[];
  /** Tenant A's text the allowed callers see (the proof that the refusals are not a broken page). */
  shows?: (a: TenantA) => string;
  /** A refused caller may also get a normal page saying "not available" (the payment link). */
  refusalMayRender?: boolean;
};

const area = (role: Caller, own: Caller[] = []): Pick<RouteSpec, "allow" | "own"> => ({ allow: [role], own });
// merchant3: the demo credit merchant (shop3), whose loan is the credit pages' resource.
const MERCHANTS_B: Caller[] = ["merchant2", "merchantInOnboarding", "merchant3"];

const ROUTES: Record<string, RouteSpec> = {
  "/": { url: () => "/", allow: "everyone" },
  "/login": { url: () => "/login", allow: "everyone" },
  "/login/second-factor": { url: () => "/login/second-factor", allow: "everyone" },
  // Shows only the codes sealed for the signed-in administrator; anyone else is sent on.
  "/login/recovery-codes": { url: () => "/login/recovery-codes", allow: "everyone" },
  "/register": { url: () => "/register", allow: "everyone" },
  "/forbidden": { url: () => "/forbidden", allow: "everyone" },
  // Its buyer is sent on to the order; anyone else gets "not available" (a normal page, without the order).
  "/pay/[token]": { url: (a) => `/pay/${a.payToken}`, allow: ["buyer"], shows: (a) => `/buyer/orders/${a.orderId}`, refusalMayRender: true },
  "/api/health": { url: () => "/api/health", allow: "everyone" },
  "/forgot-password": { url: () => "/forgot-password", allow: "everyone" },
  // A token shaped like a link's that no link has: the page says so, to anyone.
  "/reset-password/[token]": { url: () => `/reset-password/${"A".repeat(43)}`, allow: "everyone" },
  // Everyone signed in is sent to the account page of their own area.
  "/account": { url: () => "/account", allow: ["admin", "merchant", "buyer"], own: ["merchantInOnboarding", "merchant2", "buyer2", "merchant3"] },

  "/admin": { url: () => "/admin", ...area("admin") },
  "/admin/audit": { url: () => "/admin/audit", ...area("admin") },
  "/admin/audit/[id]": { url: (a) => `/admin/audit/${a.auditId}`, ...area("admin") },
  "/api/admin/audit/csv": { url: () => "/api/admin/audit/csv", ...area("admin") },
  "/admin/disputes": { url: () => "/admin/disputes?status=ALL", ...area("admin"), shows: (a) => a.orderNo },
  "/admin/fund": { url: () => "/admin/fund", ...area("admin") },
  "/admin/credit": { url: () => "/admin/credit", ...area("admin") },
  "/admin/credit/loans/[id]": { url: (a) => `/admin/credit/loans/${a.loanId}`, ...area("admin"), shows: () => "山茶小铺" },
  "/admin/credit/applications/[id]": { url: (a) => `/admin/credit/applications/${a.loanApplicationId}`, ...area("admin"), shows: () => "山茶小铺" },
  // The loan book names every borrower: administrators only.
  "/api/admin/credit-loans": { url: () => "/api/admin/credit-loans", ...area("admin"), shows: () => "山茶小铺" },
  "/admin/disputes/[id]": { url: (a) => `/admin/disputes/${a.disputeId}`, ...area("admin"), shows: (a) => a.orderNo },
  "/admin/merchants": { url: () => "/admin/merchants?status=ALL", ...area("admin") },
  "/admin/merchants/[id]": { url: (a) => `/admin/merchants/${a.onboardingMerchantId}`, ...area("admin"), shows: (a) => a.onboardingEmail },
  // Searched by shop (not by the secret order number, which a refused caller's login link would echo back).
  "/admin/orders": { url: () => `/admin/orders?q=${encodeURIComponent("青禾茶舍")}`, ...area("admin"), shows: (a) => a.orderNo },
  "/admin/orders/[id]": { url: (a) => `/admin/orders/${a.orderId}`, ...area("admin"), shows: (a) => a.orderNo },
  "/admin/settings": { url: () => "/admin/settings", ...area("admin") },
  "/admin/users": { url: () => "/admin/users", ...area("admin") },
  "/admin/account": { url: () => "/admin/account", ...area("admin") },
  "/admin/notifications": { url: () => "/admin/notifications", ...area("admin") },
  "/admin/outbox": { url: () => "/admin/outbox", ...area("admin") },
  "/admin/outbox/[id]": { url: (a) => `/admin/outbox/${a.outboxEmailId}`, ...area("admin"), shows: () => DEMO.buyer },

  "/buyer": { url: () => "/buyer", ...area("buyer", ["buyer2"]) },
  "/buyer/orders": { url: () => "/buyer/orders", ...area("buyer", ["buyer2"]), shows: (a) => a.orderNo },
  "/buyer/orders/[id]": { url: (a) => `/buyer/orders/${a.orderId}`, ...area("buyer"), shows: (a) => a.orderNo },
  "/buyer/disputes": { url: () => "/buyer/disputes", ...area("buyer", ["buyer2"]), shows: (a) => a.orderNo },
  "/buyer/disputes/[id]": { url: (a) => `/buyer/disputes/${a.disputeId}`, ...area("buyer"), shows: (a) => a.orderNo },
  "/buyer/wallet": { url: () => "/buyer/wallet", ...area("buyer", ["buyer2"]) },
  "/buyer/fund": { url: () => "/buyer/fund", ...area("buyer", ["buyer2"]) },
  "/buyer/account": { url: () => "/buyer/account", ...area("buyer", ["buyer2"]) },
  // Tenant A's order shipped and its dispute opened: its buyer and merchant were told, no one else.
  "/buyer/notifications": { url: () => "/buyer/notifications", ...area("buyer", ["buyer2"]), shows: (a) => a.orderNo },

  "/merchant": { url: () => "/merchant", ...area("merchant", MERCHANTS_B) },
  "/merchant/calendar": { url: () => "/merchant/calendar", ...area("merchant", MERCHANTS_B) },
  "/merchant/onboarding": { url: () => "/merchant/onboarding", ...area("merchant", MERCHANTS_B) },
  "/merchant/orders": { url: () => "/merchant/orders", ...area("merchant", MERCHANTS_B), shows: (a) => a.orderNo },
  "/merchant/orders/new": { url: () => "/merchant/orders/new", ...area("merchant", MERCHANTS_B) },
  "/merchant/orders/[id]": { url: (a) => `/merchant/orders/${a.orderId}`, ...area("merchant"), shows: (a) => a.orderNo },
  "/merchant/disputes": { url: () => "/merchant/disputes", ...area("merchant", MERCHANTS_B), shows: (a) => a.orderNo },
  "/merchant/disputes/[id]": { url: (a) => `/merchant/disputes/${a.disputeId}`, ...area("merchant"), shows: (a) => a.orderNo },
  "/merchant/wallet": { url: () => "/merchant/wallet", ...area("merchant", MERCHANTS_B) },
  "/merchant/fund": { url: () => "/merchant/fund", ...area("merchant", MERCHANTS_B) },
  "/merchant/credit": { url: () => "/merchant/credit", ...area("merchant", MERCHANTS_B) },
  "/merchant/credit/apply": { url: () => "/merchant/credit/apply", ...area("merchant", MERCHANTS_B) },
  // shop3's loan: only shop3 sees it; every other merchant gets the 404 of a missing loan.
  "/merchant/credit/loans/[id]": { url: (a) => `/merchant/credit/loans/${a.loanId}`, allow: ["merchant3"], shows: () => "¥1,000.00" },
  "/merchant/account": { url: () => "/merchant/account", ...area("merchant", MERCHANTS_B) },
  "/merchant/notifications": { url: () => "/merchant/notifications", ...area("merchant", MERCHANTS_B), shows: (a) => a.orderNo },
  // Statements name no account but the caller's own: each caller gets theirs, never tenant A's.
  "/api/statements/csv": { url: () => "/api/statements/csv", allow: ["buyer"], own: ["merchant", "buyer2", "merchant2", "merchantInOnboarding", "merchant3"] },
  "/api/statements/pdf": { url: () => "/api/statements/pdf", allow: ["buyer"], own: ["merchant", "buyer2", "merchant2", "merchantInOnboarding", "merchant3"] },
  "/buyer/statements": { url: () => "/buyer/statements", ...area("buyer", ["buyer2"]) },
  "/merchant/statements": { url: () => "/merchant/statements", ...area("merchant", MERCHANTS_B) },
  "/api/merchant/orders-csv": { url: () => "/api/merchant/orders-csv", ...area("merchant", MERCHANTS_B), shows: (a) => a.orderNo },

  // Files: the dispute's parties and the platform; the document's merchant and the platform.
  "/api/dispute-files/[id]": { url: (a) => `/api/dispute-files/${a.disputeFileId}`, allow: ["admin", "merchant", "buyer"] },
  "/api/documents/[id]": { url: (a) => `/api/documents/${a.documentId}`, allow: ["admin", "merchantInOnboarding"] },
};

/** Query strings that once gave 500s: repeated, NUL, huge, garbage cursors, bad sorts and dates. */
const CRAFTED_QUERIES = [
  "q=a&q=b",
  "q=%00",
  `q=${"x".repeat(5_000)}`,
  "cursor=garbage!!",
  "cursor=%00",
  "cursor=a&cursor=b",
  `cursor=${"9".repeat(4_000)}`,
  "cursor=99999999999999999999999",
  "cursor=-1",
  `cursor=${Buffer.from("2026-13-45|x").toString("base64url")}`,
  `cursor=${Buffer.from("99999999999999999999999|ckx1").toString("base64url")}`,
  "sort=bogus",
  "sort=total_desc&sort=created_asc",
  "status=%00&reason=%00&entityType=%00&category=%00",
  "status=PAID&status=SHIPPED",
  "from=2026-02-31&to=not-a-date",
  "from=0000-01-01&to=99999-12-31",
  "step=1e309",
  "range=90&range=30",
  "range=%00",
  "range=365",
  "step=%00",
  "role=%00&callbackUrl=%00",
  "callbackUrl=//evil.example&callbackUrl=/x",
  "reset=%00&reset=1",
  "before=%00",
  "before=a&before=b",
  "before=99999999999999999999999",
  "before=-1&status=bogus",
  "%00=%00",
];
/** Dynamic segments that name nothing: each must be a 404, never a 500. */
const CRAFTED_SEGMENTS = ["%00", "x".repeat(3_000), "..%2F..%2Fetc%2Fpasswd", "%E0%A4%A", "1%27%20OR%201%3D1"];

const ROUTE_LIST = appRoutes();
const baseURL = `http://localhost:${Number(process.env.E2E_PORT ?? 3311)}`;

async function createTenantA(browser: Browser): Promise<TenantA> {
  const { merchant, buyer, merchantContext, buyerContext, orderUrl, payPath } = await shippedOrderViaUi(browser, "隔离测试茶", "66.00");
  const orderId = new URL(orderUrl).pathname.split("/").pop()!;
  const orderNo = (await merchant.getByTestId("order-no").innerText()).match(/\d{10,}/)![0];
  const payToken = payPath.split("/").pop()!;

  await buyer.goto(`/buyer/orders/${orderId}`);
  const open = buyer.getByTestId("open-dispute");
  await open.getByLabel("争议原因").selectOption("DAMAGED");
  await open.getByLabel("申请退款金额（元）").fill("10");
  await open.getByLabel("问题描述").fill("包装破损，见照片");
  await open.locator('input[type="file"]').setInputFiles({ name: "box.png", mimeType: "image/png", buffer: PHOTO });
  await open.getByRole("button", { name: "发起争议" }).click();
  await buyer.getByTestId("to-dispute").click();
  await expect(buyer.locator('img[alt="box.png"]')).toBeVisible();
  const disputeId = new URL(buyer.url()).pathname.split("/").pop()!;
  const disputeFileId = (await buyer.locator('img[alt="box.png"]').getAttribute("src"))!.split("/").pop()!;
  await merchantContext.close();
  await buyerContext.close();

  // A merchant in onboarding with its business licence uploaded.
  const onboardingEmail = uniqueEmail("isolated-shop");
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/register?role=MERCHANT");
  await page.getByLabel("名称").fill("隔离测试铺");
  await page.getByLabel("邮箱").fill(onboardingEmail);
  await page.getByLabel("密码").fill("a-long-enough-password");
  await page.getByTestId("register-submit").click();
  await expect(page).toHaveURL(/\/merchant$/);
  await page.goto("/merchant/onboarding?step=4");
  const licence = page.getByTestId("upload-BUSINESS_LICENSE");
  await licence.locator('input[type="file"]').setInputFiles({ name: "licence.png", mimeType: "image/png", buffer: PHOTO });
  await licence.getByRole("button", { name: "上传" }).click();
  const link = licence.locator('a[href^="/api/documents/"]');
  await expect(link).toBeVisible();
  const documentId = (await link.getAttribute("href"))!.split("/").pop()!;
  const onboardingState = await context.storageState();
  await context.close();

  const admin = await request.newContext({ baseURL, storageState: storageStateFor("admin") });
  const queue = await (await admin.get(`/admin/merchants?status=ALL&q=${encodeURIComponent(onboardingEmail)}`)).text();
  const onboardingMerchantId = queue.match(/\/admin\/merchants\/([a-z0-9]+)"/)![1];
  // Shipping wrote buyer A an email in the same statement (newest first: the first such row is this order's).
  const outbox = await (await admin.get("/admin/outbox")).text();
  const outboxEmailId = new RegExp(`data-kind="order.shipped" data-to="${DEMO.buyer}"[^]*?href="/admin/outbox/(\\d+)"`).exec(outbox)![1];
  await admin.dispose();
  const credit = await browser.newContext();
  await signIn(await credit.newPage(), "shop3@anxin.test");
  const creditState = await credit.storageState();
  await credit.close();
  const loan = await withE2eDatabase((db) => db.loan.findFirstOrThrow({ where: { product: "CREDIT" }, orderBy: { createdAt: "asc" }, select: { id: true, applicationId: true } }));

  return {
    loanId: loan.id,
    loanApplicationId: loan.applicationId,
    creditState,
    auditId: await someAuditEntry(),
    orderId,
    orderNo,
    payToken,
    disputeId,
    disputeFileId,
    documentId,
    onboardingMerchantId,
    onboardingEmail,
    onboardingState,
    outboxEmailId,
  };
}

test.describe("tenant isolation of pages and route handlers @isolation", () => {
  let a: TenantA;
  const clients = new Map<Caller, APIRequestContext>();

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(180_000);
    a = await createTenantA(browser);
    const states: Record<Caller, string | TenantA["onboardingState"] | undefined> = {
      signedOut: undefined,
      admin: storageStateFor("admin"),
      merchant: storageStateFor("merchant"),
      buyer: storageStateFor("buyer"),
      merchant2: storageStateFor("merchant2"),
      buyer2: storageStateFor("buyer2"),
      merchantInOnboarding: a.onboardingState,
      merchant3: a.creditState,
    };
    for (const caller of CALLERS) clients.set(caller, await request.newContext({ baseURL, storageState: states[caller] }));
  });
  test.afterAll(async () => {
    for (const client of clients.values()) await client.dispose();
  });

  test("every page and route handler in the file tree is in the isolation table", () => {
    expect(ROUTE_LIST.length).toBeGreaterThan(30);
    expect(ROUTE_LIST.map((r) => r.pattern).filter((p) => !(p in ROUTES))).toEqual([]);
    expect(Object.keys(ROUTES).filter((p) => !ROUTE_LIST.some((r) => r.pattern === p))).toEqual([]);
    // The demo accounts of both tenants exist for the journeys below.
    expect(DEMO.merchant2).not.toBe(DEMO.merchant);
  });

  for (const route of ROUTE_LIST) {
    test(`${route.pattern}: only the right callers see tenant A's data`, async () => {
      const spec = ROUTES[route.pattern];
      if (!spec) return test.skip(true, "not in the table: the test above fails");
      const problems: string[] = [];
      for (const caller of CALLERS) {
        // Tenant A's order number and its onboarding merchant's email: secret to all but their owners.
        const secrets = [
          ...(caller === "merchant" || caller === "buyer" ? [] : [a.orderNo]),
          ...(caller === "merchantInOnboarding" ? [] : [a.onboardingEmail]),
        ];
        const response = await clients.get(caller)!.get(spec.url(a));
        const status = response.status();
        const path = new URL(response.url()).pathname;
        const body = await response.text();
        const leaked = secrets.filter((s) => body.includes(s));
        const allowed = spec.allow !== "everyone" && spec.allow.includes(caller);
        const sentAway = path === "/login" || (path === "/forbidden" && route.pattern !== "/forbidden");
        if (status >= 500) problems.push(`${caller}: ${status}`);
        else if (spec.allow === "everyone") {
          // Public: it may send a signed-in user home, or a signed-out one to sign in; never tenant data.
          if (status !== 200) problems.push(`${caller}: ${status} ${path}`);
          if (leaked.length) problems.push(`${caller} sees tenant A's ${leaked.join(", ")}`);
        } else if (allowed) {
          if (status !== 200 || sentAway) problems.push(`${caller} should see it: ${status} ${path}`);
          const shown = spec.shows?.(a);
          if (shown && !body.includes(shown)) problems.push(`${caller} should see "${shown}"`);
        } else if (spec.own?.includes(caller)) {
          if (status !== 200 || sentAway) problems.push(`${caller} should see its own page: ${status} ${path}`);
          if (leaked.length) problems.push(`${caller} sees tenant A's ${leaked.join(", ")}`);
        } else {
          const refused = status === 403 || status === 404 || sentAway || (spec.refusalMayRender && status === 200);
          if (!refused) problems.push(`${caller} should be refused: ${status} ${path}`);
          if (leaked.length) problems.push(`${caller} sees tenant A's ${leaked.join(", ")}`);
        }
      }
      expect(problems).toEqual([]);
    });
  }

  for (const route of ROUTE_LIST) {
    test(`${route.pattern}: crafted query strings and ids never give a 500`, async () => {
      const spec = ROUTES[route.pattern];
      if (!spec) return test.skip(true, "not in the table: the test above fails");
      // As the right caller, so the request reaches the page's own code.
      const client = clients.get(spec.allow === "everyone" ? "signedOut" : spec.allow[0])!;
      const url = spec.url(a);
      const problems: string[] = [];
      for (const query of CRAFTED_QUERIES) {
        const response = await client.get(`${url}${url.includes("?") ? "&" : "?"}${query}`);
        const ok = route.kind === "page" ? response.status() === 200 : [200, 400].includes(response.status());
        if (!ok) problems.push(`?${query.slice(0, 60)}: ${response.status()}`);
        // A download that fails half-way still started with a 200: its body must arrive whole.
        else if (!(await response.body().then(() => true, () => false))) problems.push(`?${query.slice(0, 60)}: the body broke off`);
      }
      const dynamic = route.pattern.match(/\[(\w+)\]/);
      if (dynamic) {
        for (const segment of CRAFTED_SEGMENTS) {
          const response = await client.get(route.pattern.replace(/\[\w+\]/, segment));
          // 400: a path that is not even valid percent-encoding, refused before any page code runs.
          if (![400, 404].includes(response.status())) problems.push(`${dynamic[0]}=${segment.slice(0, 40)}: ${response.status()}`);
        }
      }
      expect(problems).toEqual([]);
    });
  }
});
