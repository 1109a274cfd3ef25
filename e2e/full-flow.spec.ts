import { expect, type Page, test } from "@playwright/test";
import { uniqueName, uniquePhone } from "./helpers/api";
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

/**
 * The acceptance test, in a real browser against the real app: a marketer draws a
 * Customer Response flow by drag and drop, publishes it and starts it for two contacts; one
 * replies within the 5-second timeout, the other stays silent. The run views show each run
 * completed on its own path. Everything waits on what the page shows; the timeout is real.
 */

// Wide enough for the palette, the inspector and the flow at zoom 1.
test.use({ viewport: { width: 1600, height: 1000 } });

const ASK = "Hi {{contact.name | there}}, is your order all right?";
const THANKS = "Thanks for your answer: {{lastReply}}";
const REMINDER = "No answer yet? Write to us anytime.";
const REPLY = "All good, thank you!";

const button = (page: Page, name: string) => page.getByRole("button", { name, exact: true });
/** A message bubble in the run page's conversation. */
const message = (page: Page, direction: "inbound" | "outbound", text: string) =>
  page.locator(`[data-testid="message"][data-direction="${direction}"]`).filter({ hasText: text });
const toast = (page: Page, text: string) => page.locator("[data-sonner-toast]").filter({ hasText: text });

/** Fills the selected step's message text in the inspector and waits for the card to show it. */
async function writeMessage(page: Page, nodeId: string, text: string) {
  await page.getByLabel("Message text").fill(text);
  await expect(canvasNode(page, nodeId)).toContainText(text.split("{{")[0]?.trim() ?? text);
}

/**
 * "Run for contact" in the editor. Returns the new run's id and the toast's link to it, and when
 * the run was started (the Customer Response timeout counts from shortly after).
 */
async function runForContact(page: Page, phone: string, name: string) {
  await button(page, "Run for contact").click();
  const dialog = page.getByRole("dialog", { name: "Run for contact" });
  await dialog.getByLabel("Phone").fill(phone);
  await dialog.getByLabel("Name").fill(name);
  const startedAt = Date.now();
  await dialog.getByRole("button", { name: "Start run" }).click();
  await expect(dialog).toBeHidden();
  const link = toast(page, `Run started for ${phone}`).getByRole("link", { name: "Open the run" });
  const href = await link.getAttribute("href");
  const runId = href?.match(/^\/runs\/([^/]+)$/)?.[1];
  if (!runId) throw new Error(`No run link in the toast (href ${href})`);
  return { runId, link, startedAt };
}

test("a Customer Response flow built by drag and drop takes Replied for one contact and No response for the other", async ({
  page,
  request,
}) => {
  const automationName = uniqueName("Acceptance");
  const automationId = await createAutomationInEditor(page, automationName);

  // Build: Trigger → Send message → Customer Response → Send message (replied) / Send message (noResponse) → End.
  const trigger = await nodeIdOfType(page, "trigger");
  const ask = await dragFromPalette(page, "Send message", { x: 500, y: 150 });
  await writeMessage(page, ask, ASK);
  const wait = await dragFromPalette(page, "Customer Response", { x: 500, y: 400 });
  await page.getByLabel("Timeout").fill("5");
  await page.getByLabel("Unit").selectOption("seconds");
  await expect(canvasNode(page, wait)).toContainText("Wait 5 seconds");
  const thanks = await dragFromPalette(page, "Send message", { x: 830, y: 250 });
  await writeMessage(page, thanks, THANKS);
  const reminder = await dragFromPalette(page, "Send message", { x: 830, y: 520 });
  await writeMessage(page, reminder, REMINDER);
  const endReplied = await dragFromPalette(page, "End", { x: 830, y: 760 });
  const endSilent = await dragFromPalette(page, "End", { x: 500, y: 760 });
  await expect(canvasNodes(page)).toHaveCount(7);

  await connect(page, { nodeId: trigger }, ask);
  await connect(page, { nodeId: ask }, wait);
  await connect(page, { nodeId: wait, handleId: "replied" }, thanks);
  await connect(page, { nodeId: wait, handleId: "noResponse" }, reminder);
  await connect(page, { nodeId: thanks }, endReplied);
  await connect(page, { nodeId: reminder }, endSilent);
  await expect(canvasEdges(page)).toHaveCount(6);
  // Both required outputs are connected: neither handle is flagged any more.
  await expect(sourceHandle(page, wait, "replied")).toHaveAttribute("title", "Replied");
  await expect(sourceHandle(page, wait, "noResponse")).toHaveAttribute("title", "No response");

  await button(page, "Save").click();
  await expect(page.getByText("All changes saved")).toBeVisible();
  await button(page, "Publish").click();
  await expect(toast(page, "Published version 1")).toBeVisible();
  await expect(page.getByText("Published version 1", { exact: true }).first()).toBeVisible();

  // Two contacts, unique per run. Each wrote to us first (WhatsApp's 24-hour window); a message
  // from before a run starts never counts as a reply to it.
  const silentPhone = uniquePhone();
  const replyingPhone = uniquePhone();
  for (const from of [silentPhone, replyingPhone]) {
    expect((await request.post("/api/messages/inbound", { data: { from, text: "Hello!" } })).status()).toBe(202);
  }
  const { runId: silentRun } = await runForContact(page, silentPhone, "Sam Silent");
  // The replying contact's run starts last, so the reply comes well within its 5 seconds.
  const replied = await runForContact(page, replyingPhone, "Rita Replies");
  const repliedRun = replied.runId;

  // The contact answers (simulated on the sandbox channel from the run's page, opened from the toast).
  await replied.link.click();
  await expect(page).toHaveURL(new RegExp(`/runs/${repliedRun}$`));
  await page.getByLabel("Reply text").fill(REPLY);
  await button(page, "Send reply").click();
  // How much of the 5 seconds the browser used between starting the run and replying.
  test.info().annotations.push({ type: "reply sent after", description: `${Date.now() - replied.startedAt} ms` });

  await expect(page.getByTestId("run-status")).toHaveText("completed");
  await expect(page.getByTestId("run-step").filter({ hasText: "Replied" })).toBeVisible();
  await expect(page.locator('[data-testid="run-step"][data-outcome="noResponse"]')).toHaveCount(0);
  await expect(message(page, "inbound", REPLY)).toBeVisible();
  await expect(message(page, "outbound", `Thanks for your answer: ${REPLY}`)).toBeVisible();
  await expect(page.getByTestId("message").filter({ hasText: REMINDER })).toHaveCount(0);

  // The silent contact times out after 5 seconds and takes the No response path.
  await page.goto(`/runs/${silentRun}`);
  await expect(page.getByTestId("run-status")).toHaveText("completed");
  await expect(page.getByTestId("run-step").filter({ hasText: "No response" })).toBeVisible();
  await expect(page.locator('[data-testid="run-step"][data-outcome="replied"]')).toHaveCount(0);
  await expect(message(page, "outbound", "Hi Sam Silent, is your order all right?")).toBeVisible();
  await expect(message(page, "outbound", REMINDER)).toBeVisible();
  await expect(page.getByTestId("message").filter({ hasText: "Thanks for your answer" })).toHaveCount(0);

  // The runs list, filtered by this automation, shows exactly these two runs, both completed.
  await page.goto(`/runs?automationId=${automationId}`);
  const rows = page.getByTestId("run-row");
  await expect(rows).toHaveCount(2);
  for (const runId of [repliedRun, silentRun]) {
    const row = page.locator(`[data-testid="run-row"][data-run-id="${runId}"]`);
    await expect(row.getByTestId("run-status")).toHaveText("completed");
    await expect(row).toContainText(automationName);
  }
  await expect(page.locator(`[data-run-id="${repliedRun}"]`)).toContainText("Rita Replies");
  await expect(page.locator(`[data-run-id="${silentRun}"]`)).toContainText("Sam Silent");
});
