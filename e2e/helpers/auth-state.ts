import { mkdirSync } from "node:fs";
import path from "node:path";
import { request, type FullConfig } from "@playwright/test";

/**
 * Playwright's global setup: signs in once as the bootstrap admin (BOOTSTRAP_ADMIN_EMAIL and
 * BOOTSTRAP_ADMIN_PASSWORD, which the app under test also reads) and saves the session cookie to
 * STORAGE_STATE. Every test starts signed in from that file, pages and `request` alike; a spec
 * that needs to be signed out uses `test.use({ storageState: { cookies: [], origins: [] } })`.
 * Reuse it in your own suite: point `globalSetup` here and `use.storageState` at STORAGE_STATE.
 */
export const STORAGE_STATE = path.join(import.meta.dirname, "..", ".auth", "admin.json");
export const E2E_ADMIN = { email: process.env.BOOTSTRAP_ADMIN_EMAIL ?? "admin@replyflow.test", password: process.env.BOOTSTRAP_ADMIN_PASSWORD ?? "e2e-admin-password" };

export default async function signInOnce(config: FullConfig): Promise<void> {
  const baseURL = config.projects[0]?.use.baseURL;
  if (!baseURL) throw new Error("Set use.baseURL in playwright.config.ts");
  const context = await request.newContext({ baseURL });
  try {
    const response = await context.post("/api/auth/sign-in/email", { data: E2E_ADMIN });
    if (!response.ok()) throw new Error(`Signing in as ${E2E_ADMIN.email} failed: ${response.status()} ${await response.text()}`);
    mkdirSync(path.dirname(STORAGE_STATE), { recursive: true });
    await context.storageState({ path: STORAGE_STATE });
  } finally {
    await context.dispose();
  }
}
