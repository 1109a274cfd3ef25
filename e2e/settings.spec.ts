import { createHash } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";

/**
 * The Settings page's WhatsApp channel against the real app: saved through the form, read back
 * after a reload (secrets as a fingerprint only), refused inputs shown under their field. The
 * settings are removed after each test, so the other specs keep the sandbox.
 */

const TOKEN = "EAAGe2eAccessToken0123456789abcdef";
const fingerprint = (secret: string) => createHash("sha256").update(secret).digest("hex").slice(0, 8);
// A loopback port fetch refuses to call (9, "discard"): nothing is ever sent, and "Test connection" has a known answer.
const API_BASE = "http://127.0.0.1:9/v26.0";

test.afterEach(async ({ request }) => {
  expect((await request.delete("/api/settings/whatsapp")).status()).toBe(204);
  // Every process re-reads the settings within 5 s: the next spec must find the sandbox again.
  await new Promise((resolve) => setTimeout(resolve, 6_000));
});

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });
const state = (page: Page) => page.getByTestId("channel-state");

test("save the channel, reload: the stored state shows with the token's fingerprint, never a secret", async ({ page, request, baseURL }) => {
  await page.goto("/automations");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "WhatsApp channel" })).toBeVisible();
  await expect(state(page)).toContainText("Sandbox: messages stay in Replyflow");
  await expect(page.getByTestId("webhook-url")).toHaveText(`${baseURL}/api/webhooks/whatsapp`);
  await expect(page.getByRole("button", { name: "Test connection" })).toBeDisabled();

  await field(page, "Phone number ID").fill("106540352242922");
  await field(page, "Access token").fill(TOKEN);
  await field(page, "App secret").fill("e2e-settings-app-secret");
  await field(page, "Verify token").fill("e2e-settings-verify");
  await field(page, "Graph API base URL").fill(API_BASE);
  await field(page, "Messages per second").fill("20");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("WhatsApp settings saved")).toBeVisible();
  await expect(state(page)).toContainText("WhatsApp Cloud API: phone number id 106540352242922, configured in Settings");

  await page.reload();
  await expect(state(page)).toContainText("configured in Settings");
  await expect(field(page, "Phone number ID")).toHaveValue("106540352242922");
  await expect(field(page, "Access token")).toHaveValue("");
  await expect(field(page, "Access token")).toHaveAttribute("placeholder", `stored (fingerprint ${fingerprint(TOKEN)})`);
  await expect(field(page, "App secret")).toHaveAttribute("placeholder", /stored/);
  await expect(field(page, "Graph API base URL")).toHaveValue(API_BASE);
  await expect(field(page, "Messages per second")).toHaveValue("20");

  const view = await (await request.get("/api/settings/whatsapp")).text();
  expect(JSON.parse(view)).toMatchObject({ channel: "whatsapp", source: "settings", accessTokenFingerprint: fingerprint(TOKEN), appSecretSet: true, verifyTokenSet: true });
  for (const secret of [TOKEN, "e2e-settings-app-secret", "e2e-settings-verify"]) expect(view).not.toContain(secret);

  // Port 9 is one fetch never calls: the test says so in words instead of failing the page.
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByTestId("connection-result")).toContainText("Connection failed: Could not reach 127.0.0.1:9");

  // A save without retyping the token keeps it.
  await field(page, "Messages per second").fill("30");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(state(page)).toContainText("30 messages per second");
  await expect(field(page, "Access token")).toHaveAttribute("placeholder", `stored (fingerprint ${fingerprint(TOKEN)})`);

  await page.getByRole("button", { name: "Remove", exact: true }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Remove settings" }).click();
  await expect(state(page)).toContainText("Sandbox: messages stay in Replyflow");
  await expect(field(page, "Phone number ID")).toHaveValue("");
});

test("an invalid phone number ID shows the server's words under the field, and nothing is stored", async ({ page, request }) => {
  await page.goto("/settings");
  await field(page, "Phone number ID").fill("12ab");
  await field(page, "Access token").fill(TOKEN);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.locator("#phone-number-id-error")).toHaveText(/Phone number ID must be 5 to 30 digits/);
  await expect(field(page, "Phone number ID")).toHaveAttribute("aria-invalid", "true");
  await expect(field(page, "Phone number ID")).toHaveAccessibleDescription(/must be 5 to 30 digits/);
  await expect(state(page)).toContainText("Sandbox");
  expect(await (await request.get("/api/settings/whatsapp")).json()).toMatchObject({ channel: "sandbox", source: null });

  // Corrected, it saves.
  await field(page, "Phone number ID").fill("106540352242922");
  await field(page, "Graph API base URL").fill(API_BASE);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(state(page)).toContainText("phone number id 106540352242922");
  await expect(page.locator("#phone-number-id-error")).toHaveCount(0);
});
