import { expect, test } from "@playwright/test";
import { expectError, expectJson, uniqueName } from "./helpers/api";
import { E2E_ADMIN, STORAGE_STATE } from "./helpers/auth-state";
import { anonymousContext } from "./helpers/members";

// The accounts pages as people use them: sign in, invite a colleague by link, make and revoke an
// API key, read the audit log, sign out everywhere.

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("sign in: a wrong password is said in words, the right one leads back where you were going", async ({ page }) => {
    await page.goto("/runs");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fruns/);
    await page.getByLabel("Email").fill(E2E_ADMIN.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText(/wrong email or password/i)).toBeVisible();
    await page.getByLabel("Password").fill(E2E_ADMIN.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/runs$/);
    await expect(page.getByTestId("account-email")).toHaveText(E2E_ADMIN.email);
  });
});

test("an admin invites a colleague by link; they create an account, join as operator and cannot open Settings' admin parts", async ({ page, browser, baseURL }) => {
  await page.goto("/settings");
  const invitations = page.getByRole("form", { name: "Create invitation" });
  await invitations.getByLabel("Role").selectOption("operator");
  await invitations.getByRole("button", { name: "Create invitation link" }).click();
  const link = (await page.getByRole("status", { name: "Invitation link" }).getByTestId("shown-once").textContent())!.trim();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);

  const colleague = await browser.newContext({ storageState: { cookies: [], origins: [] }, baseURL });
  const theirs = await colleague.newPage();
  await theirs.goto(link);
  await expect(theirs.getByText(/operator/i).first()).toBeVisible();
  const email = `${uniqueName("colleague").replace(/\W+/g, "-").toLowerCase()}@e2e.test`;
  await theirs.getByLabel("Name").fill("Care colleague");
  await theirs.getByLabel("Email").fill(email);
  await theirs.getByLabel("Password").fill("colleague-password-1");
  await theirs.getByRole("button", { name: "Create account and join" }).click();
  await expect(theirs.getByTestId("account-email")).toHaveText(email, { timeout: 20_000 });
  await expect(theirs.getByTestId("account-role")).toHaveText(/operator/i);

  // The link works once.
  const again = await anonymousContext(baseURL!);
  const token = link.split("/").at(-1)!;
  await expectError(await again.post("/api/auth/invitation", { data: { token, name: "Late", email: "late@e2e.test", password: "late-password-1" } }), 409);
  await again.dispose();

  await theirs.goto("/settings");
  await expect(theirs.getByRole("form", { name: "Create API key" })).toHaveCount(0);
  await colleague.close();
});

test("an API key is shown once, works with Bearer, and stops working when revoked in Settings", async ({ page, baseURL }) => {
  const name = uniqueName("Zapier");
  await page.goto("/settings");
  const form = page.getByRole("form", { name: "Create API key" });
  await form.getByLabel("Key name").fill(name);
  await form.getByLabel("Role").selectOption("viewer");
  await form.getByRole("button", { name: "Create API key" }).click();
  const shown = page.getByRole("status", { name: "API key" });
  await expect(shown.getByText("Copy it now: it will not be shown again")).toBeVisible();
  const key = (await shown.getByTestId("shown-once").textContent())!.trim();

  const client = await anonymousContext(baseURL!, { authorization: `Bearer ${key}` });
  await expectJson(await client.get("/api/automations"), 200);
  await expectError(await client.post("/api/automations", { data: { name: "nope" } }), 403);

  await shown.getByRole("button", { name: "Done" }).click();
  await page.reload();
  await expect(page.getByText(key)).toHaveCount(0);
  await page.getByRole("button", { name: `Revoke ${name}` }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: /revoke/i }).click();
  await expect(page.getByRole("alertdialog")).toHaveCount(0);
  await expect.poll(async () => (await client.get("/api/automations")).status()).toBe(401);
  await client.dispose();

  await page.goto("/audit");
  await expect(page.getByRole("row").filter({ hasText: name }).first()).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: E2E_ADMIN.email }).first()).toBeVisible();
});

test("sign out everywhere ends every session of the user", async ({ browser, baseURL }) => {
  // Two sessions of a member of its own (the shared admin session must live on for other specs).
  const admin = await browser.newContext({ baseURL, storageState: STORAGE_STATE });
  const invite = await expectJson<{ path: string }>(await admin.request.post("/api/invitations", { data: { role: "viewer" } }), 201);
  const email = `${uniqueName("twice").replace(/\W+/g, "-").toLowerCase()}@e2e.test`;
  const first = await browser.newContext({ storageState: { cookies: [], origins: [] }, baseURL });
  await expectJson(await first.request.post("/api/auth/invitation", { data: { token: invite.path.split("/").at(-1), name: "Twice", email, password: "twice-password-1" } }), 201);
  const second = await browser.newContext({ storageState: { cookies: [], origins: [] }, baseURL });
  await expectJson(await second.request.post("/api/auth/sign-in/email", { data: { email, password: "twice-password-1" } }), 200);
  await expectJson(await second.request.get("/api/me"), 200);

  const page = await first.newPage();
  await page.goto("/automations");
  await page.getByTestId("account-email").click();
  await page.getByRole("menuitem", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await expectError(await second.request.get("/api/me"), 401);
  for (const context of [admin, first, second]) await context.close();
});
