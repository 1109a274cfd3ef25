import { type APIRequestContext, expect, type Locator, type Page, test } from "@playwright/test";
import { expectJson, startRuns, uniqueName, uniquePhone } from "./helpers/api";
import {
  canvasEdges,
  canvasNode,
  canvasNodes,
  connect,
  createAutomationInEditor,
  dragFromPalette,
  nodeIdOfType,
  sourceHandle,
} from "./helpers/canvas";
import { type Shop, startShop } from "./helpers/shop-server";

/**
 * The acceptance test, in a real browser against the real app: a marketer draws a
 * campaign by drag and drop (a Condition with two rules, a Delay, a Webhook to the shop's API and
 * two messages), publishes it and runs it for three contacts with different tags. The VIP from
 * Milano waits out the delay, gets an order from the shop and its confirmation; the VIP from Roma
 * and the untagged contact are greeted on the False path. The run views show each path in words;
 * then a contact's tags are edited on the Contacts page.
 *
 * The shop is a real HTTP server on loopback, which the app's workers only call with
 * WEBHOOK_ALLOW_PRIVATE=1 (README, "Environment").
 */

// Wide enough for the palette, the inspector and the flow at zoom 1.
test.use({ viewport: { width: 1600, height: 1000 } });

const CONFIRMATION = "Your order {{contact.fields.order_id}} is confirmed";
const GREETING = "Hello {{contact.name}}";
const BODY = '{"phone": "{{contact.phone}}", "item": "espresso beans"}';
/** The delay is real: 5 seconds. Runs finish well within this. */
const RUN_TIMEOUT = 30_000;

type Contact = { id: string; phone: string; name: string | null; fields: Record<string, string>; tags: string[] };

const button = (scope: Page | Locator, name: string) => scope.getByRole("button", { name, exact: true });
const inspector = (page: Page) => page.getByRole("region", { name: "Inspector" });
const toast = (page: Page, text: string) => page.locator("[data-sonner-toast]").filter({ hasText: text });
/** A message bubble in a conversation. */
const message = (page: Page, direction: "inbound" | "outbound", text: string) =>
  page.locator(`[data-testid="message"][data-direction="${direction}"]`).filter({ hasText: text });
/** The run page's history entries, oldest first. */
const historyEntries = (page: Page) => page.getByRole("list", { name: "Step history" }).getByTestId("run-step");
const contactUrl = (phone: string) => `/api/contacts/${encodeURIComponent(phone)}`;

async function createContact(request: APIRequestContext, body: { phone: string; name: string; fields?: Record<string, string>; tags?: string[] }) {
  return expectJson<Contact>(await request.post("/api/contacts", { data: body }), 201);
}

const getContact = async (request: APIRequestContext, phone: string) => expectJson<Contact>(await request.get(contactUrl(phone)), 200);

/** Fills the selected step's message text in the inspector and waits for the card to show it. */
async function writeMessage(page: Page, nodeId: string, text: string) {
  await inspector(page).getByLabel("Message text").fill(text);
  await expect(canvasNode(page, nodeId)).toContainText(text.split("{{")[0]?.trim() ?? text);
}

// A fresh shop per test, so its order numbers and requests are this test's alone.
let shop: Shop;
test.beforeEach(async () => {
  shop = await startShop();
});
test.afterEach(async () => {
  await shop.close();
});

test("a campaign built by drag and drop sends VIPs from Milano through a delay and the shop's webhook, everyone else down the False path", async ({
  page,
  request,
}) => {
  // Without it the workers refuse loopback addresses and the webhook takes Failure at once.
  const webServerEnv = test.info().config.webServer?.env ?? {};
  expect(
    process.env.WEBHOOK_ALLOW_PRIVATE === "1" || webServerEnv.WEBHOOK_ALLOW_PRIVATE === "1",
    'the app must be started with WEBHOOK_ALLOW_PRIVATE=1 (playwright.config.ts webServer.env) to call the shop on loopback',
  ).toBe(true);

  // Three contacts, unique per run: two VIPs in different cities, one without tags.
  const stamp = `${Date.now()}`.slice(-6);
  const milano = await createContact(request, { phone: uniquePhone(), name: `Mila Rossi ${stamp}`, fields: { city: "Milano" }, tags: ["vip"] });
  const roma = await createContact(request, { phone: uniquePhone(), name: `Romeo Bianchi ${stamp}`, fields: { city: "Roma" }, tags: ["vip"] });
  const untagged = await createContact(request, { phone: uniquePhone(), name: `Ugo Neri ${stamp}`, fields: { city: "Milano" } });
  expect(untagged.tags).toEqual([]);

  // Build: Trigger → Condition; True → Delay → Webhook → (Success) confirmation → End; False → greeting → End.
  const automationName = uniqueName("Campaign");
  const automationId = await createAutomationInEditor(page, automationName);
  const trigger = await nodeIdOfType(page, "trigger");

  const condition = await dragFromPalette(page, "Condition", { x: 210, y: 430 });
  await inspector(page).getByLabel("Match").selectOption("all");
  const rule1 = inspector(page).getByRole("group", { name: "Rule 1" });
  await rule1.getByLabel("Subject").selectOption("Tags");
  await rule1.getByLabel("Operator").selectOption("includes");
  await rule1.getByLabel("Value").fill("vip");
  await button(inspector(page), "Add rule").click();
  const rule2 = inspector(page).getByRole("group", { name: "Rule 2" });
  await rule2.getByLabel("Subject").selectOption("Contact field");
  await rule2.getByLabel("Field key").fill("city");
  await rule2.getByLabel("Operator").selectOption("equals");
  await rule2.getByLabel("Value").fill("Milano");
  await expect(canvasNode(page, condition)).toContainText("If tag is vip and city is Milano");

  const delay = await dragFromPalette(page, "Delay", { x: 525, y: 330 });
  await inspector(page).getByLabel("Wait for").check();
  await inspector(page).getByLabel("Amount").fill("5");
  await inspector(page).getByLabel("Unit").selectOption("seconds");
  await expect(canvasNode(page, delay)).toContainText("Wait 5 seconds");

  const webhook = await dragFromPalette(page, "Webhook", { x: 840, y: 330 });
  await inspector(page).getByLabel("Method").selectOption("POST");
  await inspector(page).getByLabel("URL").fill(`${shop.url}/orders`);
  await inspector(page).getByLabel("Body", { exact: true }).fill(BODY);
  await inspector(page).getByLabel("Retries").fill("0");
  await button(inspector(page), "Add response field").click();
  const saved = inspector(page).getByRole("group", { name: "Response field 1" });
  await saved.getByLabel("Field", { exact: true }).fill("order_id");
  await saved.getByLabel("JSON path").fill("order.id");
  const shopHost = new URL(shop.url).host;
  await expect(canvasNode(page, webhook)).toContainText(`POST ${shopHost}/orders`);
  await expect(canvasNode(page, webhook)).toContainText("saves order_id");
  await expect(canvasNode(page, webhook)).not.toContainText("tries");

  const confirmation = await dragFromPalette(page, "Send message", { x: 840, y: 570 });
  await writeMessage(page, confirmation, CONFIRMATION);
  const greeting = await dragFromPalette(page, "Send message", { x: 525, y: 640 });
  await writeMessage(page, greeting, GREETING);
  const end = await dragFromPalette(page, "End", { x: 840, y: 790 });
  await expect(canvasNodes(page)).toHaveCount(7);

  await connect(page, { nodeId: trigger }, condition);
  await connect(page, { nodeId: condition, handleId: "true" }, delay);
  await connect(page, { nodeId: delay }, webhook);
  await connect(page, { nodeId: webhook, handleId: "success" }, confirmation);
  await connect(page, { nodeId: condition, handleId: "false" }, greeting);
  await connect(page, { nodeId: confirmation }, end);
  await connect(page, { nodeId: greeting }, end);
  await expect(canvasEdges(page)).toHaveCount(7);
  // Both required outputs of the Condition are connected: neither handle is flagged any more.
  await expect(sourceHandle(page, condition, "true")).toHaveAttribute("title", "True");
  await expect(sourceHandle(page, condition, "false")).toHaveAttribute("title", "False");

  await button(page, "Publish").click();
  await expect(toast(page, "Published version 1")).toBeVisible();
  await expect(page.getByText("Published version 1", { exact: true }).first()).toBeVisible();
  await expect(page.getByText("All changes saved")).toBeVisible();

  // The two False-path contacts through the API; the Milano VIP from the editor's dialog.
  const started = await startRuns(request, automationId, [roma.phone, untagged.phone]);
  const runOf = (phone: string) => {
    const run = started.find((r) => r.phone === phone);
    if (!run) throw new Error(`No run started for ${phone}`);
    return run.id;
  };
  const romaRun = runOf(roma.phone);
  const untaggedRun = runOf(untagged.phone);

  await button(page, "Run for contact").click();
  const dialog = page.getByRole("dialog", { name: "Run for contact" });
  await dialog.getByLabel("Phone").fill(milano.phone);
  await dialog.getByRole("button", { name: "Start run" }).click();
  await expect(dialog).toBeHidden();
  const link = toast(page, `Run started for ${milano.phone}`).getByRole("link", { name: "Open the run" });
  const href = await link.getAttribute("href");
  const milanoRun = href?.match(/^\/runs\/([^/]+)$/)?.[1];
  if (!milanoRun) throw new Error(`No run link in the toast (href ${href})`);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/runs/${milanoRun}$`));

  // While it waits: the Delay is the current step, with a countdown of at most 5 seconds.
  await expect(page.getByRole("heading", { level: 1, name: milano.name ?? "" })).toBeVisible();
  await expect(page.getByTestId("run-status").first()).toHaveText("waiting");
  await expect(page.getByTestId("current-step")).toHaveText("Delay");
  await expect(page.getByText("Delay: waiting", { exact: true })).toBeVisible();
  const countdown = page.getByTestId("wait-countdown");
  await expect(countdown).toHaveText(/^Due in 0:0[1-5]$/);
  // A delay is not a Customer Response: the history's badge says so.
  await expect(page.getByText("Waiting for a reply")).toHaveCount(0);
  const firstReading = await countdown.textContent();
  // It counts down (or the delay ends and the card goes): never stuck.
  await expect.poll(async () => ((await countdown.count()) === 0 ? "gone" : await countdown.textContent()), { intervals: [100] }).not.toBe(firstReading);
  await expect(historyEntries(page).filter({ hasText: "Condition" })).toContainText("True");
  await expect(historyEntries(page).filter({ hasText: "Waiting 5 seconds" })).toHaveCount(1);

  // Then: completed through the webhook, with the shop's order number in the confirmation.
  await expect(page.getByTestId("run-status").first()).toHaveText("completed", { timeout: RUN_TIMEOUT });
  await expect(page.getByText("Delay: waiting", { exact: true })).toHaveCount(0);
  // The shop answers A-1 to the first order of this test (a fresh shop per test).
  const orderId = "A-1";
  await expect(historyEntries(page)).toHaveText([
    /^Trigger/,
    /^Condition.*True/,
    /^Delay.*Waiting 5 seconds/,
    /^Delay.*Delay over/,
    new RegExp(`^Webhook.*Calling POST ${escapeRegExp(shopHost)}/orders`),
    new RegExp(`^Webhook.*Success.*HTTP 201 in \\d+ ms: ${escapeRegExp(JSON.stringify({ order: { id: orderId } }))}`),
    /^Send message/,
    /^End/,
  ]);
  expect(shop.orderIds).toEqual([orderId]);
  await expect(message(page, "outbound", `Your order ${orderId} is confirmed`)).toBeVisible();
  await expect(page.getByTestId("message").filter({ hasText: "Hello" })).toHaveCount(0);

  // The Roma VIP and the untagged contact: completed on the False path, greeted by name, no delay, no webhook.
  for (const [runId, contact] of [
    [romaRun, roma],
    [untaggedRun, untagged],
  ] as const) {
    await page.goto(`/runs/${runId}`);
    await expect(page.getByRole("heading", { level: 1, name: contact.name ?? "" })).toBeVisible();
    await expect(page.getByTestId("run-status").first()).toHaveText("completed", { timeout: RUN_TIMEOUT });
    await expect(historyEntries(page)).toHaveText([/^Trigger/, /^Condition.*False/, /^Send message/, /^End/]);
    await expect(message(page, "outbound", `Hello ${contact.name}`)).toBeVisible();
    await expect(page.getByTestId("message").filter({ hasText: "Your order" })).toHaveCount(0);
  }

  // The runs list, filtered by this automation: exactly these three runs, all completed.
  await page.goto(`/runs?automationId=${automationId}`);
  await expect(page.getByLabel("Automation")).toHaveValue(automationId);
  const rows = page.getByTestId("run-row");
  await expect(rows).toHaveCount(3);
  for (const [runId, contact] of [
    [milanoRun, milano],
    [romaRun, roma],
    [untaggedRun, untagged],
  ] as const) {
    const row = page.locator(`[data-testid="run-row"][data-run-id="${runId}"]`);
    await expect(row.getByTestId("run-status")).toHaveText("completed");
    await expect(row).toContainText(contact.name ?? "");
    await expect(row).toContainText(automationName);
  }

  // The shop got exactly one order, for the Milano VIP, with the body the step filled in.
  expect(shop.requests).toHaveLength(1);
  const [order] = shop.requests;
  expect(order?.method).toBe("POST");
  expect(order?.path).toBe("/orders");
  expect(order?.headers["content-type"]).toContain("application/json");
  expect(order?.headers["idempotency-key"]).toMatch(new RegExp(`^${milanoRun}:\\d+$`));
  expect(JSON.parse(order?.body ?? "")).toEqual({ phone: milano.phone, item: "espresso beans" });
  // The answer's order id is stored on the contact; the others have none.
  expect((await getContact(request, milano.phone)).fields).toEqual({ city: "Milano", order_id: orderId });
  expect((await getContact(request, roma.phone)).fields).toEqual({ city: "Roma" });
  expect((await getContact(request, untagged.phone)).fields).toEqual({ city: "Milano" });

  // The Contacts page: find the Roma VIP, open their page, turn the VIP into a Milano lead.
  await page.goto("/contacts");
  await page.getByLabel("Search contacts").fill(roma.phone);
  const contactRows = page.getByTestId("contact-row");
  await expect(contactRows).toHaveCount(1);
  await expect(contactRows).toContainText("vip");
  await contactRows.getByRole("link", { name: roma.name ?? "" }).click();
  await expect(page).toHaveURL(new RegExp(`/contacts/${escapeRegExp(encodeURIComponent(roma.phone))}$`));
  await expect(page.getByRole("heading", { name: roma.name ?? "" })).toBeVisible();
  await page.getByLabel("Add tag").fill("milano-lead");
  await page.getByLabel("Add tag").press("Enter");
  await expect(page.getByRole("button", { name: "Remove tag milano-lead" })).toBeVisible();
  await expect(page.getByLabel("Add tag")).toHaveValue("");
  expect((await getContact(request, roma.phone)).tags.toSorted()).toEqual(["milano-lead", "vip"]);
  await page.getByRole("button", { name: "Remove tag vip" }).click();
  await expect(page.getByRole("button", { name: "Remove tag vip" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Remove tag milano-lead" })).toBeVisible();
  const edited = await getContact(request, roma.phone);
  expect(edited.tags).toEqual(["milano-lead"]);
  expect(edited.fields).toEqual({ city: "Roma" });
  // The other contacts are untouched.
  expect((await getContact(request, milano.phone)).tags).toEqual(["vip"]);
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
