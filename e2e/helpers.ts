import { expect, type Page } from "@playwright/test";
import { stepAt, totpCode, TOTP_STEP_S } from "../lib/auth/totp";
import { demoTotpSecret } from "../lib/seed/demo-totp";

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
  await expect(page).not.toHaveURL(/\/login(\?|$)/);
  if (new URL(page.url()).pathname === "/login/second-factor") await typeSecondFactor(page, email);
  await expect(page).not.toHaveURL(/\/login/);
}

/**
 * An administrator's second step, with the code a demo admin's authenticator app would show. A code works
 * once, so when this account already used the current one (signed in moments ago), it waits for the next.
 */
export async function typeSecondFactor(page: Page, email: string) {
  const form = page.getByTestId("second-factor-form");
  for (let attempt = 0; attempt < 2; attempt++) {
    await form.getByRole("textbox").fill(totpCode(demoTotpSecret(email), stepAt(new Date())));
    await form.getByTestId("second-factor-submit").click();
    const done = await page.waitForURL((url) => url.pathname !== "/login/second-factor", { timeout: 5_000 }).then(() => true, () => false);
    if (done) return;
    await page.waitForTimeout((TOTP_STEP_S - (Math.floor(Date.now() / 1000) % TOTP_STEP_S)) * 1000 + 500);
  }
  throw new Error(`the second factor of ${email} was refused twice`);
}

/** Turns "¥1,234.56" into fen, to compare balances exactly. */
export function fenOf(text: string): bigint {
  const match = text.replace(/[,\s]/g, "").match(/(-?)¥(\d+)\.(\d{2})/);
  if (!match) throw new Error(`no amount in "${text}"`);
  const fen = BigInt(match[2]) * 100n + BigInt(match[3]);
  return match[1] ? -fen : fen;
}

export const uniqueEmail = (prefix: string) => `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@e2e.anxin`;
