import { expect, test, type Page } from "@playwright/test";
import { createAutomation, expectJson, REMINDER_TEXT, replyOrRemind, type Graph } from "./helpers/api";

/**
 * The simulator: "Test" runs the draft on screen, unpublished, for a test contact in a chat
 * panel; Skip fast-forwards a wait; the path lights up; nothing counts or reaches a real contact.
 */

test.use({ viewport: { width: 1600, height: 1000 } });

const panel = (page: Page) => page.getByRole("region", { name: "Simulator" });
const bubble = (page: Page, direction: "inbound" | "outbound", text: string) =>
  panel(page).locator(`[data-testid="sim-message"][data-direction="${direction}"]`).filter({ hasText: text });
/** The stroke the path highlight gave the edge (React Flow's own is grey). */
const edgeStroke = (page: Page, edgeId: string) =>
  page.locator(`.react-flow__edge[data-id="${edgeId}"] .react-flow__edge-path`).evaluate((path) => getComputedStyle(path).stroke);
const HIGHLIGHT = "rgb(5, 150, 105)";

test("Test walks an unpublished draft down Replied, then down No response with Skip, without real timers", async ({ page, request }) => {
  // Two days of waiting: only Skip can end it within the test.
  const automation = await createAutomation(request, replyOrRemind({ amount: 2, unit: "days" }));
  await page.goto(`/automations/${automation.id}`);
  await page.getByRole("button", { name: "Test", exact: true }).click();

  await expect(bubble(page, "outbound", "Hi Test contact, shall we activate your plan?")).toBeVisible();
  await expect(panel(page).getByTestId("sim-countdown")).toContainText("Times out in");
  await panel(page).getByLabel("Reply as the test contact").fill("yes");
  await panel(page).getByRole("button", { name: "Send" }).click();
  await expect(bubble(page, "inbound", "yes")).toBeVisible();
  await expect(bubble(page, "outbound", "Thanks! You said: yes")).toBeVisible();
  await expect(panel(page).getByText("completed")).toBeVisible();
  await expect.poll(() => edgeStroke(page, "e3")).toBe(HIGHLIGHT);
  expect(await edgeStroke(page, "e4")).not.toBe(HIGHLIGHT);

  await panel(page).getByRole("button", { name: "Test again" }).click();
  await expect(panel(page).getByTestId("sim-countdown")).toBeVisible();
  // The new run's panel shows only its own conversation.
  await expect(bubble(page, "inbound", "yes")).toHaveCount(0);
  await panel(page).getByRole("button", { name: "Skip" }).click();
  await expect(bubble(page, "outbound", REMINDER_TEXT)).toBeVisible();
  await expect(panel(page).getByText("completed")).toBeVisible();
  await expect.poll(() => edgeStroke(page, "e4")).toBe(HIGHLIGHT);

  // Nothing was published, and no stats, runs list or contacts list shows the tests.
  expect((await expectJson<{ publishedVersion: number | null }>(await request.get(`/api/automations/${automation.id}`), 200)).publishedVersion).toBeNull();
  expect((await request.get(`/api/automations/${automation.id}/stats`)).status()).toBe(404);
  const { runs } = await expectJson<{ runs: unknown[] }>(await request.get(`/api/runs?automationId=${automation.id}`), 200);
  expect(runs).toHaveLength(0);
  const { contacts } = await expectJson<{ contacts: { waUserId?: string | null }[] }>(await request.get("/api/contacts?search=simulator"), 200);
  expect(contacts).toHaveLength(0);
});

test("quick-reply buttons are chips the tester taps, and a tap takes its route", async ({ page, request }) => {
  const graph: Graph = {
    nodes: [
      { id: "start", type: "trigger", position: { x: 0, y: 0 }, data: {} },
      { id: "ask", type: "sendMessage", position: { x: 0, y: 120 }, data: { text: "Rate us", buttons: [{ id: "good", title: "Great" }, { id: "bad", title: "Poor" }] } },
      { id: "wait", type: "customerResponse", position: { x: 0, y: 240 }, data: { timeout: { amount: 1, unit: "hours" }, routes: [{ id: "poor", label: "Poor", op: "equals", value: "bad" }] } },
      { id: "thanks", type: "sendMessage", position: { x: -200, y: 360 }, data: { text: "Glad you liked it" } },
      { id: "sorry", type: "sendMessage", position: { x: 0, y: 360 }, data: { text: "Sorry to hear that" } },
      { id: "later", type: "sendMessage", position: { x: 200, y: 360 }, data: { text: "No answer" } },
    ],
    edges: [
      { id: "e1", source: "start", target: "ask" },
      { id: "e2", source: "ask", target: "wait" },
      { id: "e3", source: "wait", sourceHandle: "replied", target: "thanks" },
      { id: "e4", source: "wait", sourceHandle: "poor", target: "sorry" },
      { id: "e5", source: "wait", sourceHandle: "noResponse", target: "later" },
    ],
  };
  const automation = await createAutomation(request, graph);
  await page.goto(`/automations/${automation.id}`);
  await page.getByRole("button", { name: "Test", exact: true }).click();
  await expect(bubble(page, "outbound", "Rate us")).toBeVisible();
  await expect(panel(page).getByTestId("sim-countdown")).toBeVisible();
  await panel(page).getByRole("button", { name: "Poor" }).click();
  await expect(bubble(page, "outbound", "Sorry to hear that")).toBeVisible();
  await expect.poll(() => edgeStroke(page, "e4")).toBe(HIGHLIGHT);
  await expect(panel(page).getByRole("button", { name: "Great" })).toBeDisabled();
});
