import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { expectJson, publishedAutomation, startRuns, uniquePhone, waitForRunStatus } from "./helpers/api";

/**
 * The contacts pages against the real app: contacts are created through the public API, then
 * the list and a contact's page are driven as a person would, checking the API after each change.
 */

type Contact = { id: string; phone: string; name: string | null; fields: Record<string, string>; tags: string[] };
type ContactWithRuns = Contact & { runs: { id: string; status: string; currentNodeId: string | null }[] };

const contactUrl = (phone: string) => `/api/contacts/${encodeURIComponent(phone)}`;

async function createContact(request: APIRequestContext, body: { phone: string; name?: string; fields?: Record<string, string>; tags?: string[] }) {
  return expectJson<Contact>(await request.post("/api/contacts", { data: body }), 201);
}

const getContact = async (request: APIRequestContext, phone: string) => expectJson<ContactWithRuns>(await request.get(contactUrl(phone)), 200);

const rows = (page: Page) => page.getByTestId("contact-row");

test("the list searches and filters by tag, both kept in the URL", async ({ page, request }) => {
  const stamp = `${Date.now()}`;
  const tag = `vip${stamp}`;
  const ada = await createContact(request, { phone: uniquePhone(), name: `Ada ${stamp}`, tags: [tag] });
  const bob = await createContact(request, { phone: uniquePhone(), name: `Bob ${stamp}`, tags: ["other"] });
  const nameless = await createContact(request, { phone: uniquePhone(), tags: [tag] });

  await page.goto("/automations");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Contacts" }).click();
  await expect(page).toHaveURL(/\/contacts$/);
  await expect(page.getByRole("heading", { name: "Contacts" })).toBeVisible();

  await page.getByLabel("Search contacts").fill(stamp);
  await expect(page).toHaveURL(new RegExp(`search=${stamp}`));
  await expect(rows(page)).toHaveCount(2);
  await expect(rows(page).filter({ hasText: ada.phone })).toContainText(`Ada ${stamp}`);
  await expect(rows(page).filter({ hasText: ada.phone })).toContainText(tag);
  await expect(rows(page).filter({ hasText: bob.phone })).toContainText("other");
  await expect(page.getByTestId("list-end")).toContainText("all 2 are shown");

  // The tag alone: Ada and the contact without a name.
  await page.getByLabel("Search contacts").fill("");
  await page.getByLabel("Tag", { exact: true }).fill(tag);
  await expect(page).toHaveURL(new RegExp(`tag=${tag}`));
  await expect(page).not.toHaveURL(/search=/);
  await expect(rows(page)).toHaveCount(2);
  await expect(rows(page).filter({ hasText: nameless.phone })).toContainText("No name");
  await expect(rows(page).filter({ hasText: bob.phone })).toHaveCount(0);

  // Reloading keeps the filters; nothing matching says so in words.
  await page.goto(`/contacts?search=${stamp}&tag=${tag}`);
  await expect(page.getByLabel("Search contacts")).toHaveValue(stamp);
  await expect(page.getByLabel("Tag", { exact: true })).toHaveValue(tag);
  await expect(rows(page)).toHaveCount(1);
  await page.getByLabel("Search contacts").fill(`nobody-${stamp}`);
  await expect(page.getByText("No contacts match")).toBeVisible();
  await page.getByRole("button", { name: "clear the filters" }).click();
  await expect(page.getByLabel("Search contacts")).toHaveValue("");
  await expect(page.getByLabel("Tag", { exact: true })).toHaveValue("");
  await expect(page).toHaveURL(/\/contacts$/);

  // A row links to the contact's page (the phone URL-encoded).
  await page.goto(`/contacts?search=${encodeURIComponent(ada.phone)}`);
  await rows(page).getByRole("link", { name: `Ada ${stamp}` }).click();
  await expect(page).toHaveURL(new RegExp(`/contacts/${encodeURIComponent(ada.phone).replace("+", "\\+")}$`));
  await expect(page.getByRole("heading", { name: `Ada ${stamp}` })).toBeVisible();
});

test("a contact's page edits name, fields and tags, links active runs, and deletes", async ({ page, request }) => {
  const phone = uniquePhone();
  await createContact(request, { phone, name: "Grace", fields: { city: "Rome" }, tags: ["lead"] });
  const automation = await publishedAutomation(request);
  // The contact writes first, so the automation's free-form text is inside the 24-hour window.
  await expectJson(await request.post("/api/messages/inbound", { data: { from: phone, text: "Hello!" } }), 202);
  const run = (await startRuns(request, automation.id, [phone]))[0];
  if (!run) throw new Error("No run started");
  await waitForRunStatus(request, run.id, "waiting");

  await page.goto(`/contacts/${encodeURIComponent(phone)}`);
  await expect(page.getByRole("heading", { name: "Grace" })).toBeVisible();

  // Rename.
  await page.getByLabel("Name", { exact: true }).fill("Grace Hopper");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Grace Hopper" })).toBeVisible();
  expect((await getContact(request, phone)).name).toBe("Grace Hopper");

  // Add a field; a bad key is refused with the server's reason inline.
  await page.getByLabel("Field", { exact: true }).fill("Bad Key");
  await page.getByLabel("Value", { exact: true }).fill("x");
  await page.getByRole("button", { name: "Add field" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Invalid key" })).toBeVisible();
  await page.getByLabel("Field", { exact: true }).fill("plan");
  await page.getByLabel("Value", { exact: true }).fill("gold");
  await page.getByRole("button", { name: "Add field" }).click();
  const plan = page.locator('[data-testid="field-row"][data-key="plan"]');
  await expect(plan.getByTestId("field-value")).toHaveText("gold");
  await expect(page.getByLabel("Field", { exact: true })).toHaveValue("");
  expect((await getContact(request, phone)).fields).toEqual({ city: "Rome", plan: "gold" });

  // Edit it.
  await plan.getByRole("button", { name: "Edit field plan" }).click();
  await plan.getByLabel("Value of plan").fill("platinum");
  await plan.getByRole("button", { name: "Save" }).click();
  await expect(plan.getByTestId("field-value")).toHaveText("platinum");
  expect((await getContact(request, phone)).fields.plan).toBe("platinum");

  // Remove it.
  await plan.getByRole("button", { name: "Remove field plan" }).click();
  await expect(plan).toHaveCount(0);
  expect((await getContact(request, phone)).fields).toEqual({ city: "Rome" });

  // Tags: add one, remove another.
  await page.getByLabel("Add tag").fill("customer");
  await page.getByLabel("Add tag").press("Enter");
  await expect(page.getByRole("button", { name: "Remove tag customer" })).toBeVisible();
  await expect(page.getByLabel("Add tag")).toHaveValue("");
  expect((await getContact(request, phone)).tags).toEqual(expect.arrayContaining(["lead", "customer"]));
  await page.getByRole("button", { name: "Remove tag lead" }).click();
  await expect(page.getByRole("button", { name: "Remove tag lead" })).toHaveCount(0);
  expect((await getContact(request, phone)).tags).toEqual(["customer"]);

  // The active run, linked with its status and step.
  const activeRun = page.getByTestId("active-run");
  await expect(activeRun).toHaveCount(1);
  await expect(activeRun.getByTestId("run-status")).toHaveText("waiting");
  await expect(activeRun).toContainText("at step wait");
  await expect(activeRun.getByRole("link")).toHaveAttribute("href", `/runs/${run.id}`);
  // The conversation shows what the run sent.
  await expect(page.getByTestId("message").filter({ hasText: "shall we activate your plan?" })).toHaveCount(1);
  await expect(page.getByTestId("message").filter({ hasText: "Hello!" })).toHaveCount(1);

  // Delete behind a confirmation that warns about the active run.
  await page.getByRole("button", { name: "Delete contact" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("active run is cancelled");
  await dialog.getByRole("button", { name: "Delete contact" }).click();
  await expect(page).toHaveURL(/\/contacts$/);
  await expect(page.getByRole("heading", { name: "Contacts" })).toBeVisible();
  await page.getByLabel("Search contacts").fill(phone);
  await expect(page.getByText("No contacts match")).toBeVisible();
  expect((await request.get(contactUrl(phone))).status()).toBe(404);
  expect((await request.get(`/api/runs/${run.id}`)).status()).toBe(404);
});
