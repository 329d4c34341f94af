import { test as setup } from "@playwright/test";
import { DEMO, signIn, storageStateFor } from "./helpers";

// Sign in once per role and keep the session for the journeys that need it.
for (const role of Object.keys(DEMO) as (keyof typeof DEMO)[]) {
  setup(`sign in as the demo ${role}`, async ({ page }) => {
    await signIn(page, DEMO[role]);
    await page.context().storageState({ path: storageStateFor(role) });
  });
}
