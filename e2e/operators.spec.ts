import { expect, test } from "@playwright/test";
import { contactMessages, expectJson, publishedAutomation, REMINDER_TEXT, startRuns, uniquePhone, waitForRunStatus, type Run } from "./helpers/api";

/** Customer care moves runs on by hand: from the run page and the contact page, recorded in history. */

test("Skip the wait on the run page takes noResponse at once, with the operator in history", async ({ page, request }) => {
  const automation = await publishedAutomation(request, { amount: 10, unit: "minutes" });
  const phone = uniquePhone();
  await expectJson(await request.post("/api/messages/inbound", { data: { from: phone, text: "Hi" } }), 202);
  const [run] = await startRuns(request, automation.id, [phone]);
  await waitForRunStatus(request, run!.id, "waiting");

  await page.goto(`/runs/${run!.id}`);
  await page.getByRole("button", { name: "Skip the wait" }).click();
  await expect(page.getByTestId("run-status")).toHaveText("completed");
  const after = await expectJson<Run & { steps: { by?: string; outcome?: string }[] }>(await request.get(`/api/runs/${run!.id}`), 200);
  expect(after.steps.some((s) => s.outcome === "noResponse")).toBe(true);
  expect((await contactMessages(request, phone)).map((m) => m.text)).toContain(REMINDER_TEXT);
  // The run moved on: a second try is refused cleanly.
  expect((await request.post(`/api/runs/${run!.id}/complete-wait`, { data: { outcome: "replied" } })).status()).toBe(409);

  const audit = await expectJson<{ events: { action: string; targetId: string | null }[] }>(await request.get("/api/audit"), 200);
  expect(audit.events.some((e) => e.action === "run.completeWait" && e.targetId === run!.id)).toBe(true);
});

test("Exit all automations on the contact page cancels the contact's runs after a confirmation naming them", async ({ page, request }) => {
  const first = await publishedAutomation(request, { amount: 10, unit: "minutes" });
  const second = await publishedAutomation(request, { amount: 10, unit: "minutes" });
  const phone = uniquePhone();
  const runs = [...(await startRuns(request, first.id, [phone])), ...(await startRuns(request, second.id, [phone]))];
  for (const run of runs) await waitForRunStatus(request, run.id, "waiting");

  await page.goto(`/contacts/${encodeURIComponent(phone)}`);
  await expect(page.getByTestId("active-run")).toHaveCount(2);
  await page.getByRole("button", { name: "Exit all automations" }).click();
  await expect(page.getByRole("alertdialog")).toContainText("2 active runs are cancelled");
  await page.getByRole("alertdialog").getByRole("button", { name: "Exit all automations" }).click();
  await expect(page.getByText("Not in any automation right now.")).toBeVisible();
  for (const run of runs) await waitForRunStatus(request, run.id, "cancelled");
});
