import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { registerUser } from "@/lib/auth/register";
import { SANDBOX_CARD } from "@/lib/bank/sandbox-card";
import { seedCreditHistory, seedCreditOffersAndLoan } from "./demo-credit";
import { demoTotpSecret } from "./demo-totp";
import { topUp } from "@/lib/bank/top-up";
import { inTransaction, type Tx } from "@/lib/db/transaction";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { AdminRole, MerchantStatus, Role } from "@/lib/generated/prisma/enums";
import { perTenThousandFromAnnualBps } from "@/lib/fund/rates";
import { subscribeToFund } from "@/lib/fund/subscribe";
import type { Fen } from "@/lib/money/fen";
import { addDays, dateColumn, platformDayOf } from "@/lib/time/platform-day";

export const DEMO_PASSWORD = "anxin-demo-2026";

export type DemoAccount = {
  /** Used in idempotency keys, so a re-run of the same seed can never pay twice. */
  handle: string;
  email: string;
  role: Role;
  /** For administrators: the sub-role (lib/auth/admin-roles.ts). */
  adminRole?: AdminRole;
  name: string;
  /** What the account is for, shown in the start banner. */
  about: string;
  balanceFen?: Fen;
  /** Units of the fund (¥1 each), subscribed from the wallet after the top-up of balanceFen + fundFen. */
  fundFen?: Fen;
  merchantStatus?: MerchantStatus;
  /** The wallet after the seed, when the seed's trading changes it from the top-up (balanceFen). */
  walletAfterSeedFen?: Fen;
};

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { handle: "admin", email: "admin@anxin.test", role: "ADMIN", adminRole: "SUPER_ADMIN", name: "平台管理员", about: "超级管理员 · super admin: everything" },
  { handle: "risk", email: "risk@anxin.test", role: "ADMIN", adminRole: "RISK", name: "风控专员", about: "风控 · risk: reviews, disputes, thresholds" },
  { handle: "finance", email: "finance@anxin.test", role: "ADMIN", adminRole: "FINANCE", name: "财务专员", about: "财务 · finance: fees, fund, reports" },
  { handle: "operations", email: "operations@anxin.test", role: "ADMIN", adminRole: "OPERATIONS", name: "运营专员", about: "运营 · operations: merchants, disputes, users" },
  { handle: "support", email: "support@anxin.test", role: "ADMIN", adminRole: "SUPPORT", name: "客服专员", about: "客服 · support: reads orders and disputes" },
  {
    handle: "shop1",
    email: "shop1@anxin.test",
    role: "MERCHANT",
    name: "青禾茶舍",
    about: "已审核商户 · approved merchant, ¥8,000.00",
    balanceFen: 800_000n,
    merchantStatus: "APPROVED",
  },
  {
    handle: "shop2",
    email: "shop2@anxin.test",
    role: "MERCHANT",
    name: "南山数码",
    about: "已审核商户 · approved merchant, ¥3,500.00",
    balanceFen: 350_000n,
    merchantStatus: "APPROVED",
  },
  {
    handle: "newshop",
    email: "newshop@anxin.test",
    role: "MERCHANT",
    name: "初心手作",
    about: "入驻中商户 · merchant in onboarding",
    merchantStatus: "DRAFT",
  },
  {
    handle: "buyer1",
    email: "buyer1@anxin.test",
    role: "BUYER",
    name: "李明",
    about: "买家 · buyer, ¥5,000.00, 安心宝 fund ¥3,000.00",
    balanceFen: 500_000n,
    fundFen: 300_000n,
  },
  { handle: "buyer2", email: "buyer2@anxin.test", role: "BUYER", name: "王芳", about: "买家 · buyer, ¥1,200.50", balanceFen: 120_050n },
  {
    handle: "shop3",
    email: "shop3@anxin.test",
    role: "MERCHANT",
    name: "山茶小铺",
    about: "有经营记录的商户 · merchant with 80 days of sales: credit offer",
    merchantStatus: "APPROVED",
    // 24 orders of ¥500 released less the 1% fee and the 5% reserve (held 30 days), plus the ¥1,000 demo loan.
    walletAfterSeedFen: 1_228_600n,
  },
  { handle: "buyer3", email: "buyer3@anxin.test", role: "BUYER", name: "赵老客", about: "shop3 的老客户 · shop3's regular buyer, ¥3,000.00 left", balanceFen: 1_500_000n, walletAfterSeedFen: 300_000n },
];

async function createDemoUser(tx: Tx, account: DemoAccount): Promise<Actor> {
  if (account.role === "ADMIN") {
    // Admins are never self-registered; the first one has no admin above it to create it.
    const user = await tx.user.create({
      data: {
        email: account.email,
        name: account.name,
        role: "ADMIN",
        adminRole: account.adminRole ?? "SUPPORT",
        passwordHash: await hashPassword(DEMO_PASSWORD),
        // Set up already, with a known secret (printed by npm start), so the demo can be tried at once.
        totpSecret: demoTotpSecret(account.email),
        totpEnabledAt: new Date(),
      },
    });
    return { userId: user.id, role: "ADMIN", adminRole: user.adminRole };
  }
  const role = account.role as "BUYER" | "MERCHANT";
  const user = await registerUser(tx, { email: account.email, name: account.name, password: DEMO_PASSWORD, role, locale: "zh-CN" });
  if (account.merchantStatus && account.merchantStatus !== "DRAFT") {
    // An approved merchant has been through onboarding: a complete, valid application (its settlement
    // account is where withdrawals go) and a risk level (a database CHECK insists); the demo ones are MEDIUM.
    await tx.merchant.update({
      where: { userId: user.id },
      data: {
        status: account.merchantStatus,
        riskLevel: "MEDIUM",
        submittedAt: new Date(),
        decidedAt: new Date(),
        application: { create: demoApplication(account.handle, account.name) },
      },
    });
  }
  return { userId: user.id, role };
}

/**
 * Valid sample values (they pass every onboarding check), different for each demo merchant: the review page
 * flags merchants sharing identity details. The README's sample values for a new application belong to none.
 */
const DEMO_IDENTITIES: Record<string, { creditCode: string; repName: string; repIdNumber: string; accountNumber: string }> = {
  shop1: { creditCode: "91350100M000200Y4T", repName: "林青禾", repIdNumber: "350102198506121235", accountNumber: "6222020000000015" },
  shop2: { creditCode: "91440300MA5D003104", repName: "陈南山", repIdNumber: "440305199003084563", accountNumber: "6222020000000023" },
  shop3: { creditCode: "91330100MA2H00310N", repName: "赵山茶", repIdNumber: "330106198807151237", accountNumber: "6222020000000031" },
};

function demoApplication(handle: string, name: string) {
  const identity = DEMO_IDENTITIES[handle] ?? DEMO_IDENTITIES.shop1;
  return {
    completedSteps: [1, 2, 3, 4],
    entityType: "COMPANY" as const,
    registeredName: name,
    category: "food",
    shopUrl: "https://shop.example.cn",
    expectedMonthlySalesFen: 10_000_000n,
    repMobile: "13800138000",
    bankCode: "CMB",
    accountHolder: name,
    ...identity,
  };
}

/**
 * The fund's rate history, so its charts show something on a fresh start: an annualised 1.80% from 60 days ago,
 * 1.75% from 20 days ago. Written as rows (setFundRate refuses a day in the past: those days are history here).
 */
export const DEMO_FUND_RATES = [
  { daysAgo: 60, annualBps: 180, reason: "上线时的收益率 · launch rate" },
  { daysAgo: 20, annualBps: 175, reason: "市场利率下行 · market rates fell" },
] as const;

async function seedFundRates(tx: Tx, adminId: string, today: string) {
  for (const rate of DEMO_FUND_RATES) {
    await tx.fundRate.create({
      data: {
        effectiveFrom: dateColumn(addDays(today, -rate.daysAgo)),
        per10kE4: perTenThousandFromAnnualBps(rate.annualBps),
        enteredAs: "ANNUAL",
        annualRateBps: rate.annualBps,
        reason: rate.reason,
        createdById: adminId,
      },
    });
  }
}

/**
 * The demo users and their balances, in one transaction; every yuan arrives through the ledger (top-ups), and
 * fund units through a subscription from the wallet.
 */
export async function seedDemoData(db: PrismaClient) {
  const seeded = await inTransaction(db, async (tx) => {
    const actors = new Map<string, Actor>();
    for (const account of DEMO_ACCOUNTS) {
      const actor = await createDemoUser(tx, account);
      // The rate history once, set by the platform admin (the demo has an administrator of each kind).
      if (account.adminRole === "SUPER_ADMIN") await seedFundRates(tx, actor.userId, platformDayOf(new Date()));
      const topUpFen = (account.balanceFen ?? 0n) + (account.fundFen ?? 0n);
      if (topUpFen > 0n) {
        await topUp(tx, actor, { amountFen: topUpFen, cardNumber: SANDBOX_CARD, idempotencyKey: `seed-${account.handle}-topup` });
      }
      if (account.fundFen) {
        await subscribeToFund(tx, actor, { amountFen: account.fundFen, idempotencyKey: `seed-${account.handle}-fund` });
      }
      actors.set(account.handle, actor);
    }
    await seedCreditHistory(tx, actors.get("shop3")!, actors.get("buyer3")!);
    return { users: DEMO_ACCOUNTS.length, shop3: actors.get("shop3")! };
  });
  await seedCreditOffersAndLoan(db, seeded.shop3);
  return { users: seeded.users };
}

/** Seeds only a database without users, so a restart never touches real data. True when it seeded. */
export async function seedDemoDataIfEmpty(db: PrismaClient): Promise<boolean> {
  if ((await db.user.count()) > 0) return false;
  await seedDemoData(db);
  return true;
}
