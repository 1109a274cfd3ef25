import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { expectError, expectJson, publishedAutomation, startRuns, uniquePhone, waitForRunStatus } from "./helpers/api";

/** The Reports page of an automation: real runs through the engine, read back as charts, tables and a CSV. */

type Report = {
  version: number | null;
  funnel: { nodeId: string; entered: number; exits: { handle: string; count: number }[] }[];
  replies: { nodeId: string; replied: number; noResponse: number; replyRate: number | null; histogram: { label: string; count: number }[] }[];
  byDay: { day: string; started: number; completed: number; replied: number; noResponse: number }[];
};

test("a reply and a silence show in the funnel, the reply figures, the days and the CSV", async ({ page, request }) => {
  const automation = await publishedAutomation(request, { amount: 10, unit: "minutes" });
  const [replier, silent] = [uniquePhone(), uniquePhone()];
  const runs = await startRuns(request, automation.id, [replier, silent]);
  for (const run of runs) await waitForRunStatus(request, run.id, "waiting");
  await expectJson(await request.post("/api/messages/inbound", { data: { from: replier, text: "YES" } }), 202);
  await expectJson(await request.post(`/api/runs/${runs[1]!.id}/complete-wait`, { data: { outcome: "noResponse" } }), 200);
  for (const run of runs) await waitForRunStatus(request, run.id, "completed");

  // The API first: counters are written with each step, so they are there once the runs end.
  const url = `/api/automations/${automation.id}/reports`;
  const report = await expectJson<Report>(await request.get(url), 200);
  expect(report.version).toBe(1);
  expect(report.funnel.map((s) => [s.nodeId, s.entered])).toEqual([["start", 2], ["ask", 2], ["wait", 2], ["thanks", 1], ["remind", 1], ["done", 2]]);
  expect(report.replies[0]).toMatchObject({ nodeId: "wait", replied: 1, noResponse: 1, replyRate: 0.5 });
  expect(report.replies[0]!.histogram.reduce((sum, b) => sum + b.count, 0)).toBe(1);
  expect(report.byDay).toHaveLength(30);
  expect(report.byDay.at(-1)).toMatchObject({ started: 2, completed: 2, replied: 1, noResponse: 1 });
  await expectError(await request.get(`${url}?from=2026-02-01&to=2026-01-01`), 400);
  await expectError(await request.get(`${url}?from=2020-01-01&to=2026-01-01`), 400);
  await expectError(await request.get(`${url}?version=9`), 404);

  // From the automations list to its Reports page.
  await page.goto("/automations");
  await page.getByTestId("automation-row").filter({ hasText: automation.name }).getByRole("link", { name: "Reports" }).click();
  await expect(page).toHaveURL(new RegExp(`/automations/${automation.id}/reports$`));
  await expect(page.getByRole("heading", { level: 1, name: automation.name })).toBeVisible();
  await expect(page.getByLabel("Version")).toHaveValue("1");
  await expect(page.getByText("Reports · days are in UTC")).toBeVisible();

  const funnel = page.getByRole("region", { name: "Funnel" });
  await funnel.getByText("Show the numbers").click();
  const waitRow = funnel.getByRole("row", { name: /^3\. Customer Response · waits 10 minutes/ });
  await expect(waitRow.getByRole("cell").nth(0)).toHaveText("2");
  await expect(waitRow.getByRole("cell").nth(1)).toHaveText("Replied: 1 · No response: 1 · Not delivered: 0");
  await expect(funnel.getByRole("row", { name: /^4\. Send message/ }).getByRole("cell").nth(0)).toHaveText("1");

  const replies = page.getByRole("article", { name: "3. Customer Response · waits 10 minutes" });
  await expect(replies.getByText("Reply rate")).toBeVisible();
  await expect(replies.getByText("50%")).toBeVisible();
  await expect(replies.getByRole("heading", { name: "Time to reply · step 3" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Outcomes by day" })).toBeVisible();

  // A shorter period keeps today's numbers; the URL carries it.
  await page.getByRole("button", { name: "Last 7 days" }).click();
  await expect(page).toHaveURL(/from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
  await expect(page.getByRole("button", { name: "Last 7 days" })).toHaveAttribute("aria-pressed", "true");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^report-.*-v1-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = (await readFile(await file.path(), "utf8")).split("\r\n");
  expect(lines.slice(0, 3)).toEqual(['"Report"', `"Automation","${automation.name}"`, '"Version","1"']);
  expect(lines).toContain('"3","wait","Customer Response: waits 10 minutes","2","Replied","1"');
  expect(lines.filter((l) => l.startsWith('"20')).length).toBe(7);

  // The way back to the editor.
  await page.getByRole("link", { name: "Back to the editor" }).click();
  await expect(page).toHaveURL(new RegExp(`/automations/${automation.id}$`));
});

test("an automation never published says so in words", async ({ page, request }) => {
  const automation = await expectJson<{ id: string; name: string }>(await request.post("/api/automations", { data: { name: `Unpublished ${Date.now()}` } }), 201);
  await page.goto(`/automations/${automation.id}/reports`);
  await expect(page.getByText("Not published yet")).toBeVisible();
  const csv = await request.get(`/api/automations/${automation.id}/reports.csv`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(csv.headers()["content-disposition"]).toMatch(/^attachment; filename="report-unpublished-\d+-v0-/);
});
