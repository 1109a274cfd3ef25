import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";
import { E2E_ADMIN, STORAGE_STATE } from "./e2e/helpers/auth-state";

const port = process.env.E2E_PORT ?? "3200";
const baseURL = `http://localhost:${port}`;
// Debian's Chromium where it is installed (CI, offline machines); else Playwright's own browser
// (`npx playwright install chromium` on a laptop).
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  // Signs in once (after the web server is up) and saves the session: every test starts signed in.
  globalSetup: "./e2e/helpers/auth-state.ts",
  timeout: 90_000,
  expect: { timeout: 20_000 },
  // Two cores: one browser at a time keeps timing-sensitive specs (5-second waits) honest.
  workers: 1,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    storageState: STORAGE_STATE,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  webServer: {
    command: "npx tsx scripts/e2e-server.ts",
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    // SIGTERM lets scripts/start.ts stop the server and workers it started (own process groups).
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    stdout: "pipe",
    stderr: "pipe",
    // The fake shop of the webhook tests listens on loopback, which webhooks refuse unless allowed.
    // A fixed test key lets the Settings page store tokens (npm start would write one into .data/).
    // The bootstrap admin is who the tests sign in as (e2e/helpers/auth-state.ts).
    env: { BOOTSTRAP_ADMIN_EMAIL: E2E_ADMIN.email, BOOTSTRAP_ADMIN_PASSWORD: E2E_ADMIN.password, E2E_PORT: port, WHATSAPP_APP_SECRET: "e2e-app-secret", WHATSAPP_VERIFY_TOKEN: "e2e-verify-token", WEBHOOK_ALLOW_PRIVATE: "1", SETTINGS_ENCRYPTION_KEY: "5e771a9e0c3b4d2f8a6e1b7c9d0f2a4c6e8b0d2f4a6c8e0b2d4f6a8c0e2b4d6f" },
  },
});
