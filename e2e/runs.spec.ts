import { type APIRequestContext, type APIResponse, expect, type Page, test } from "@playwright/test";

/**
 * The runs console against the real app: automations are set up through the public API, then
 * the list and detail pages are driven like customer-care staff would.
 */

type Timeout = { amount: number; unit: "seconds" | "minutes" };

/** Welcome message → Customer Response → a thank-you (replied) or a follow-up (noResponse). */
const graph = (timeout: Timeout) => ({
  nodes: [
    { id: "start", type: "trigger", position: { x: 0, y: 0 }, data: {} },
    { id: "ask", type: "sendMessage", position: { x: 0, y: 120 }, data: { text: "Hi {{contact.name | there}}, did your order arrive?" } },
    { id: "wait", type: "customerResponse", position: { x: 0, y: 240 }, data: { timeout } },
    { id: "thanks", type: "sendMessage", position: { x: -200, y: 360 }, data: { text: "Thanks for letting us know!" } },
    { id: "nudge", type: "sendMessage", position: { x: 200, y: 360 }, data: { text: "We'll check in again tomorrow." } },
    { id: "end1", type: "end", position: { x: -200, y: 480 }, data: {} },
    { id: "end2", type: "end", position: { x: 200, y: 480 }, data: {} },
  ],
  edges: [
    { id: "e1", source: "start", target: "ask" },
    { id: "e2", source: "ask", target: "wait" },
    { id: "e3", source: "wait", sourceHandle: "replied", target: "thanks" },
    { id: "e4", source: "wait", sourceHandle: "noResponse", target: "nudge" },
    { id: "e5", source: "thanks", target: "end1" },
    { id: "e6", source: "nudge", target: "end2" },
  ],
});

const uniquePhone = () => `+39333${String(Math.floor(Math.random() * 10_000_000)).padStart(7, "0")}`;

async function json(response: APIResponse): Promise<Record<string, unknown>> {
  expect(response.ok(), await response.text()).toBe(true);
  return response.json();
}

/** Publishes a fresh automation and starts one run for a contact who wrote first (24-hour window). */
async function startRun(request: APIRequestContext, timeout: Timeout, name = "Ada Lovelace") {
  const phone = uniquePhone();
  const automation = await json(
    await request.post("/api/automations", { data: { name: `Runs console ${Date.now()}`, graph: graph(timeout) } }),
  );
  const automationId = String(automation.id);
  await json(await request.post(`/api/automations/${automationId}/publish`));
  await json(await request.post("/api/messages/inbound", { data: { from: phone, text: "Hello!" } }));
  const started = await json(
    await request.post(`/api/automations/${automationId}/runs`, { data: { contacts: [{ phone, name }] } }),
  );
  const runs = started.runs;
  if (!Array.isArray(runs) || typeof runs[0]?.id !== "string") throw new Error("No run started");
  return { automationId, phone, runId: String(runs[0].id) };
}

const runStatus = (page: Page) => page.getByTestId("run-status");

test("a waiting run shows its countdown, takes a simulated reply and completes on Replied", async ({ page, request }) => {
  const { phone, runId } = await startRun(request, { amount: 10, unit: "minutes" });

  await page.goto(`/runs?q=${encodeURIComponent(phone)}`);
  const row = page.locator(`[data-testid="run-row"][data-run-id="${runId}"]`);
  await expect(row.getByTestId("run-status")).toHaveText("waiting");
  await expect(row).toContainText(/Times out in \d+:\d\d/);
  await expect(page.getByLabel("Search")).toHaveValue(phone);

  await row.click();
  await expect(page).toHaveURL(new RegExp(`/runs/${runId}$`));
  await expect(runStatus(page)).toHaveText("waiting");
  await expect(page.getByTestId("current-step")).toHaveText("Customer Response");
  await expect(page.getByTestId("wait-countdown")).toHaveText(/Times out in (9|10):\d\d/);
  await expect(page.getByText("did your order arrive?")).toBeVisible();

  await page.getByLabel("Reply text").fill("Yes, it did!");
  await page.getByRole("button", { name: "Send reply" }).click();

  await expect(runStatus(page)).toHaveText("completed");
  await expect(page.getByTestId("run-step").filter({ hasText: "Replied" })).toBeVisible();
  await expect(page.getByText("Yes, it did!")).toBeVisible();
  await expect(page.getByText("Thanks for letting us know!")).toBeVisible();
  await expect(page.getByRole("button", { name: "Cancel run" })).toHaveCount(0);
});

test("silence until the timeout takes the No response path", async ({ page, request }) => {
  const { runId } = await startRun(request, { amount: 5, unit: "seconds" });

  await page.goto(`/runs/${runId}`);
  await expect(runStatus(page)).toHaveText("completed", { timeout: 20_000 });
  await expect(page.getByTestId("run-step").filter({ hasText: "No response" })).toBeVisible();
  await expect(page.getByText("We'll check in again tomorrow.")).toBeVisible();
});

test("cancelling a run asks first, then stops it for good", async ({ page, request }) => {
  const { runId } = await startRun(request, { amount: 10, unit: "minutes" }, "Marco Bianchi");

  await page.goto(`/runs/${runId}`);
  await expect(runStatus(page)).toHaveText("waiting");
  await page.getByRole("button", { name: "Cancel run" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Cancel this run?" });
  await dialog.getByRole("button", { name: "Keep running" }).click();
  await expect(dialog).toBeHidden();
  await expect(runStatus(page)).toHaveText("waiting");

  await page.getByRole("button", { name: "Cancel run" }).click();
  await dialog.getByRole("button", { name: "Cancel run" }).click();
  await expect(runStatus(page)).toHaveText("cancelled");
  await expect(page.getByRole("button", { name: "Cancel run" })).toHaveCount(0);

  // A reply arriving later is ignored.
  await page.getByLabel("Reply text").fill("Too late?");
  await page.getByRole("button", { name: "Send reply" }).click();
  await expect(page.getByText("Too late?")).toBeVisible();
  await expect(runStatus(page)).toHaveText("cancelled");
});

test("list filters live in the URL", async ({ page, request }) => {
  const { automationId, phone, runId } = await startRun(request, { amount: 10, unit: "minutes" });

  await page.goto("/runs");
  await page.getByLabel("Automation").selectOption(automationId);
  await expect(page).toHaveURL(new RegExp(`automationId=${automationId}`));
  await page.getByLabel("Status").selectOption("waiting");
  await expect(page).toHaveURL(/status=waiting/);
  await expect(page.locator(`[data-testid="run-row"][data-run-id="${runId}"]`)).toBeVisible();
  for (const status of await page.getByTestId("run-row").getByTestId("run-status").allTextContents()) {
    expect(status).toBe("waiting");
  }

  await page.getByLabel("Status").selectOption("completed");
  await expect(page.getByText("No runs match these filters")).toBeVisible();

  await page.goto(`/runs?status=waiting&q=${encodeURIComponent(phone)}`);
  await expect(page.getByLabel("Status")).toHaveValue("waiting");
  await expect(page.getByTestId("run-row")).toHaveCount(1);
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/runs$/);
  await expect(page.getByLabel("Search")).toHaveValue("");
});

test.describe("long lists", () => {
  /** A fresh published automation; returns its id. */
  async function published(request: APIRequestContext, name: string): Promise<string> {
    const automation = await json(await request.post("/api/automations", { data: { name, graph: graph({ amount: 10, unit: "minutes" }) } }));
    await json(await request.post(`/api/automations/${String(automation.id)}/publish`));
    return String(automation.id);
  }

  /** `count` distinct phones (one request may not list a phone twice). */
  const phones = (count: number) => {
    const base = Math.floor(Math.random() * 9_000) + 1_000;
    return Array.from({ length: count }, (_, index) => `+39333${base}${String(index).padStart(3, "0")}`);
  };

  const rowIds = (page: Page) => page.getByTestId("run-row").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-run-id")));

  test("runs: the first page, older pages on demand, kept while new runs arrive on top", async ({ page, request }) => {
    const automationId = await published(request, `Paged runs ${Date.now()}`);
    await json(await request.post(`/api/automations/${automationId}/runs`, { data: { contacts: phones(55).map((phone) => ({ phone })) } }));

    await page.goto(`/runs?automationId=${automationId}`);
    const rows = page.getByTestId("run-row");
    const loadMore = page.getByRole("button", { name: "Load more" });
    await expect(rows).toHaveCount(50);
    await expect(page.getByText("Latest 50 runs")).toBeVisible();
    await loadMore.click();
    await expect(rows).toHaveCount(55);
    await expect(page.getByTestId("list-end")).toHaveText("No more runs: all 55 are shown.");
    await expect(loadMore).toHaveCount(0);
    await expect(page.getByText("55 runs", { exact: false }).first()).toBeVisible();
    const loaded = await rowIds(page);
    expect(new Set(loaded).size).toBe(55);

    // The next poll of the first page brings the new run on top; the pages loaded stay below it.
    const started = await json(await request.post(`/api/automations/${automationId}/runs`, { data: { contacts: [{ phone: uniquePhone() }] } }));
    const newRun = Array.isArray(started.runs) ? String(started.runs[0]?.id) : "";
    await expect(rows).toHaveCount(56);
    await expect(rows.first()).toHaveAttribute("data-run-id", newRun);
    expect(await rowIds(page)).toEqual([newRun, ...loaded]);
    await expect(page.getByTestId("list-end")).toHaveText("No more runs: all 56 are shown.");
  });

  test("automations: the first page, then the rest on demand", async ({ page, request }) => {
    for (let i = 0; i < 51; i++) await json(await request.post("/api/automations", { data: { name: `Listed ${i} ${Date.now()}` } }));
    const newest = `Newest ${Date.now()}`;
    await json(await request.post("/api/automations", { data: { name: newest } }));
    let total = 0;
    for (let cursor: string | null = null, more = true; more; ) {
      const body: Record<string, unknown> = await json(await request.get(`/api/automations?limit=200${cursor ? `&cursor=${cursor}` : ""}`));
      total += Array.isArray(body.automations) ? body.automations.length : 0;
      cursor = typeof body.nextCursor === "string" ? body.nextCursor : null;
      more = cursor !== null;
    }

    await page.goto("/automations");
    const rows = page.getByTestId("automation-row");
    await expect(rows).toHaveCount(50);
    await expect(rows.first()).toContainText(newest);
    for (let shown = 50; shown < total; shown += 50) {
      await page.getByRole("button", { name: "Load more" }).click();
      await expect(rows).toHaveCount(Math.min(shown + 50, total));
    }
    await expect(page.getByTestId("list-end")).toHaveText(`No more automations: all ${total} are shown.`);
    await expect(page.getByRole("button", { name: "Load more" })).toHaveCount(0);
    await rows.first().getByRole("link", { name: newest }).click();
    await expect(page).toHaveURL(/\/automations\/[^/]+$/);
  });
});
