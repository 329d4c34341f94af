import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3311);
const baseURL = `http://localhost:${port}`;

/**
 * Journeys in real Chromium (Debian's, see stack notes) against the production build, served by
 * scripts/e2e-server.ts on a fresh embedded database with the demo data.
 */
export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined }, dependencies: ["setup"] },
  ],
  webServer: {
    command: `node_modules/.bin/tsx scripts/e2e-server.ts`,
    url: `${baseURL}/api/health`,
    env: { PORT: String(port) },
    timeout: 300_000,
    reuseExistingServer: !process.env.CI,
    // SIGTERM lets the server stop its worker and database and delete its throwaway data folder.
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    stdout: "pipe",
    stderr: "pipe",
  },
});
