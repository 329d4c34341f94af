import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "anxin-demo-2026";
export const DEMO = {
  admin: "admin@anxin.test",
  merchant: "shop1@anxin.test",
  buyer: "buyer1@anxin.test",
  // The other tenant, for the isolation journeys.
  merchant2: "shop2@anxin.test",
  buyer2: "buyer2@anxin.test",
} as const;

export const storageStateFor = (role: keyof typeof DEMO) => `e2e/.auth/${role}.json`;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.getByTestId("login-submit").click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** Turns "¥1,234.56" into fen, to compare balances exactly. */
export function fenOf(text: string): bigint {
  const match = text.replace(/[,\s]/g, "").match(/(-?)¥(\d+)\.(\d{2})/);
  if (!match) throw new Error(`no amount in "${text}"`);
  const fen = BigInt(match[2]) * 100n + BigInt(match[3]);
  return match[1] ? -fen : fen;
}

export const uniqueEmail = (prefix: string) => `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@e2e.anxin`;
