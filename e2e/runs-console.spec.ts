import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectJson, getRun, publishedAutomation, startRuns, waitForRunStatus } from "./helpers/api";

/**
 * The runs console at scale (issue 9): filters kept in the URL, totals per status, selecting
 * every run matching the filters and acting on them in bulk. Runs start through the public API;
 * outcomes are checked through it too.
 */

type Counts = { total: number; byStatus: Record<string, number> };

const counts = async (request: APIRequestContext, query: Record<string, string>) =>
  expectJson<Counts>(await request.get(`/api/runs/counts?${new URLSearchParams(query)}`), 200);

/** `count` distinct phones no other spec uses. */
function phones(count: number): string[] {
  const base = String(Math.floor(Math.random() * 90_000) + 10_000);
  return Array.from({ length: count }, (_, i) => `+39320${base}${String(i).padStart(3, "0")}`);
}

test("50 runs waiting at a Customer Response: select all matching, Skip wait, all take No response", async ({ page, request }) => {
  const automation = await publishedAutomation(request, { amount: 10, unit: "minutes" });
  const runs = await startRuns(request, automation.id, phones(50));
  const atWait = { automationId: automation.id, version: "1", nodeId: "wait" };
  await expect.poll(async () => (await counts(request, atWait)).byStatus.waiting, { timeout: 30_000 }).toBe(50);

  // The canvas's link: automation, version and step in the URL.
  await page.goto(`/runs?${new URLSearchParams(atWait)}`);
  await expect(page.getByLabel("Version")).toHaveValue("1");
  await expect(page.getByLabel("Step")).toHaveValue("wait");
  await expect(page.getByTestId("total-waiting")).toContainText("50");
  await expect(page.getByTestId("run-row")).toHaveCount(50);

  await page.getByLabel("Select all runs on this page").check();
  await expect(page.getByTestId("selection-count")).toHaveText("50 selected");
  await page.getByRole("button", { name: "Select all 50 matching" }).click();
  await expect(page.getByTestId("selection-count")).toHaveText("All 50 matching runs selected");

  await page.getByRole("button", { name: "Skip wait" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("Skip the wait of 50 runs?");
  await dialog.getByRole("button", { name: "Skip the wait of 50 runs" }).click();

  const progress = page.getByRole("progressbar", { name: "Bulk progress" });
  await expect(progress).toHaveAttribute("aria-valuenow", "50");
  await expect(progress).toHaveAttribute("aria-valuemax", "50");
  await expect(page.getByText("50 waits skipped")).toBeVisible();

  // Every run left its wait on No response (the reminder path), none is waiting there any more.
  for (const run of runs) {
    const after = await waitForRunStatus(request, run.id, "completed");
    expect(after.steps.filter((s) => s.nodeId === "wait").map((s) => s.outcome)).toContain("noResponse");
  }
  expect((await counts(request, atWait)).total).toBe(0);
  await expect(page.getByText("No runs match these filters")).toBeVisible();
  const audit = await expectJson<{ events: { action: string; detail?: unknown }[] }>(await request.get("/api/audit"), 200);
  expect(audit.events.some((e) => e.action === "runs.bulk")).toBe(true);
});

test("filters: search by name or partial phone, status from the totals, step, started between", async ({ page, request }) => {
  const automation = await publishedAutomation(request, { amount: 10, unit: "minutes" });
  const [grace, alan, anon] = phones(3) as [string, string, string];
  const started = await expectJson<{ runs: { id: string; phone: string }[] }>(
    await request.post(`/api/automations/${automation.id}/runs`, {
      data: { contacts: [{ phone: grace, name: "Grace Hopper" }, { phone: alan, name: "Alan Turing" }, { phone: anon }] },
    }),
    202,
  );
  const idOf = (phone: string) => started.runs.find((r) => r.phone === phone)!.id;
  for (const run of started.runs) await waitForRunStatus(request, run.id, "waiting");
  await expectJson(await request.post(`/api/runs/${idOf(anon)}/cancel`), 200);
  const row = (phone: string) => page.locator(`[data-testid="run-row"][data-run-id="${idOf(phone)}"]`);

  await page.goto(`/runs?automationId=${automation.id}`);
  await expect(page.getByTestId("run-row")).toHaveCount(3);
  await expect(page.getByTestId("total-all")).toContainText("3");
  await expect(page.getByTestId("total-waiting")).toContainText("2");
  await expect(page.getByTestId("total-cancelled")).toContainText("1");

  // A name, in any case: debounced into the URL.
  await page.getByLabel("Search").fill("hOPPER");
  await expect(page).toHaveURL(/q=hOPPER/);
  await expect(page.getByTestId("run-row")).toHaveCount(1);
  await expect(row(grace)).toBeVisible();
  await expect(page.getByTestId("total-all")).toContainText("1");

  // Part of a phone, typed with spaces.
  const digits = alan.slice(-7);
  await page.getByLabel("Search").fill(`${digits.slice(0, 3)} ${digits.slice(3)}`);
  await expect(page.getByTestId("run-row")).toHaveCount(1);
  await expect(row(alan)).toBeVisible();

  // Hostile text is text: no match, no error.
  await page.getByLabel("Search").fill("%_\\'.*(");
  await expect(page.getByText("No runs match these filters")).toBeVisible();
  await page.getByLabel("Search").fill("");
  await expect(page.getByTestId("run-row")).toHaveCount(3);

  // A total filters by its status; clicking it again shows all.
  await page.getByTestId("total-cancelled").click();
  await expect(page).toHaveURL(/status=cancelled/);
  await expect(page.getByLabel("Status")).toHaveValue("cancelled");
  await expect(page.getByTestId("run-row")).toHaveCount(1);
  await expect(row(anon).getByTestId("run-status")).toHaveText("cancelled");
  await page.getByTestId("total-cancelled").click();
  await expect(page.getByTestId("run-row")).toHaveCount(3);

  // The step a run is at now: the cancelled run is at none.
  await page.getByLabel("Version").selectOption("1");
  await page.getByLabel("Step").selectOption({ label: "Customer Response" });
  await expect(page).toHaveURL(/nodeId=wait/);
  await expect(page.getByTestId("run-row")).toHaveCount(2);

  // Started between: from tomorrow on, nothing; from today, the two again.
  const day = (offset: number) => {
    const d = new Date(Date.now() + offset * 86_400_000);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  };
  await page.getByLabel("Started from").fill(day(1));
  await expect(page.getByText("No runs match these filters")).toBeVisible();
  await page.getByLabel("Started from").fill(day(0));
  await page.getByLabel("Started to").fill(day(0));
  await expect(page.getByTestId("run-row")).toHaveCount(2);
  expect((await getRun(request, idOf(grace))).status).toBe("waiting");

  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/runs$/);
  await expect(page.getByLabel("Search")).toHaveValue("");
});
