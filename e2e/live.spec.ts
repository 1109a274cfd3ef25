import { expect, test, type Page } from "@playwright/test";
import { expectJson, publishedAutomation, startRuns, uniqueName, uniquePhone, waitForRunStatus } from "./helpers/api";
import { adminContext } from "./helpers/members";

/**
 * Live, not polled: Postgres NOTIFY → the web server's one LISTEN connection → an EventSource per
 * tab → the page reloads what changed. The pages poll every 30 s as a backstop while the stream
 * is open, so a change on screen within a few seconds came through the stream.
 */

type Notice = { event: string; data: Record<string, unknown> };

const parseStream = (body: string): Notice[] =>
  body.split("\n\n").flatMap((block) => {
    const event = /^event: (.+)$/m.exec(block)?.[1];
    const data = /^data: (.+)$/m.exec(block)?.[1];
    return event && data ? [{ event, data: JSON.parse(data) as Record<string, unknown> }] : [];
  });

test("the event stream names the runs that changed, to their own workspace only", async ({ request, baseURL }) => {
  const automation = await publishedAutomation(request);
  // Workspace B's admin listens at the same time and must hear nothing of A's run.
  const other = await adminContext(baseURL!);
  const workspace = await expectJson<{ id: string }>(await other.post("/api/workspaces", { data: { name: uniqueName("Live B") } }), 201);
  await expectJson(await other.put("/api/workspaces/current", { data: { workspaceId: workspace.id } }), 200);

  const ours = request.get("/api/events?seconds=3");
  const theirs = other.get("/api/events?seconds=3");
  await new Promise((resolve) => setTimeout(resolve, 800));
  const [run] = await startRuns(request, automation.id, [uniquePhone()]);
  await waitForRunStatus(request, run!.id, "waiting");

  const response = await ours;
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/event-stream");
  const notices = parseStream(await response.text());
  const runNotices = notices.filter((n) => n.event === "change" && n.data.topic === "runs" && (n.data.ids as string[] | undefined)?.includes(run!.id));
  expect(runNotices.length).toBeGreaterThan(0);
  expect(runNotices[0]!.data.automationIds).toContain(automation.id);
  expect(notices.some((n) => n.data.topic === "messages")).toBe(true);
  expect(JSON.stringify(notices)).not.toContain("workspaceId");

  const foreign = await (await theirs).text();
  expect(foreign).not.toContain(run!.id);
  expect(foreign).not.toContain(automation.id);
  await other.dispose();

  expect((await request.get("/api/events?seconds=0")).status()).toBe(400);
});

/** Waits (checking every frame) until the canvas node shows `text`; resolves with the moment it did. */
async function shownAt(page: Page, nodeId: string, text: string): Promise<number> {
  const handle = await page.waitForFunction(
    ([id, expected]) => {
      const strip = document.querySelector(`.react-flow__node[data-id="${id}"] [data-testid="node-stats"]`);
      return strip?.textContent?.includes(expected) ? Date.now() : false;
    },
    [nodeId, text] as const,
    { polling: "raf", timeout: 10_000 },
  );
  return (await handle.jsonValue()) as number;
}

test("the canvas counts show a run within moments of its start, and Skip the wait moves it on", async ({ page, request }) => {
  const automation = await publishedAutomation(request, { amount: 10, unit: "minutes" });
  await page.goto(`/automations/${automation.id}`);
  await page.getByRole("button", { name: "Stats" }).click();
  await expect(page.getByTestId("stats-banner")).toContainText("Stats for version 1");
  await expect(page.getByTestId("stats-banner").getByTestId("live-indicator")).toHaveAttribute("data-stream", "live");
  await shownAt(page, "wait", "0 here");

  // Change → screen, a few times: from just before the API call to the frame showing the count.
  const latencies: number[] = [];
  const runs: string[] = [];
  for (let i = 1; i <= 5; i++) {
    const before = Date.now();
    const [run] = await startRuns(request, automation.id, [uniquePhone()]);
    runs.push(run!.id);
    latencies.push((await shownAt(page, "wait", `${i} here`)) - before);
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  test.info().annotations.push({ type: "start → canvas count (ms)", description: `${latencies.join(", ")}; median ${sorted[2]}` });
  console.log(`live latency, run start → canvas count: ${latencies.join(", ")} ms (median ${sorted[2]} ms)`);

  const node = page.locator('.react-flow__node[data-id="wait"]');
  await expect(node.getByTestId("node-stats")).toContainText("5 entered");
  await expect(node.getByTestId("node-stats-timeout")).toBeVisible();
  await expect(node.getByTestId("node-stats-replies")).toContainText("No outcomes yet");

  // Skip the wait (an operator, through the API) moves one on: the canvas follows.
  await expectJson(await request.post(`/api/runs/${runs[0]}/complete-wait`, { data: { outcome: "noResponse" } }), 200);
  await shownAt(page, "wait", "4 here");
  await expect(page.locator('[data-testid="edge-stats"][data-edge-id="e4"]')).toHaveText("1 left");
  await expect(node.getByTestId("node-stats-replies")).toContainText("0% replied");

  // The count opens the runs list filtered to that step. (The test graph stacks its nodes 120 px
  // apart, so the taller card with its numbers runs under the next one: click the link itself.)
  await node.getByRole("link", { name: "4 here" }).dispatchEvent("click");
  await expect(page).toHaveURL(new RegExp(`/runs\\?.*nodeId=wait`));
  await expect(page).toHaveURL(new RegExp(`automationId=${automation.id}`));
});

test("without the stream the pages say Polling and still update", async ({ page, request }) => {
  await page.route("**/api/events**", (route) => route.abort());
  const automation = await publishedAutomation(request, { amount: 10, unit: "minutes" });
  const [run] = await startRuns(request, automation.id, [uniquePhone()]);
  await waitForRunStatus(request, run!.id, "waiting");
  await page.goto(`/runs/${run!.id}`);
  await expect(page.getByTestId("live-indicator")).toHaveAttribute("data-stream", "polling");
  await expect(page.getByTestId("live-indicator")).toContainText("Polling");
  await expect(page.getByTestId("run-status")).toHaveText("waiting");
  await expectJson(await request.post(`/api/runs/${run!.id}/complete-wait`, { data: { outcome: "noResponse" } }), 200);
  await expect(page.getByTestId("run-status")).toHaveText("completed");
});
