import { expect, test } from "@playwright/test";
import { startFakeGraphApi, type FakeGraphApi } from "../scripts/fake-meta/server";
import { createAutomation, expectJson, uniquePhone, waitForRunStatus, type Graph } from "./helpers/api";

// The WhatsApp channel end to end: the fake Graph API stands in for Meta; the channel is switched
// on through the Settings API for this file only (the rest of the suite runs on the sandbox).
const port = process.env.E2E_PORT ?? "3200";
const TOKEN = "e2e-fake-access-token-0123456789";
const CACHE_MS = 6_000; // every process re-reads the settings within 5 s

let meta: FakeGraphApi;

test.describe.serial("WhatsApp channel", () => {
  test.beforeAll(async ({ request }) => {
    meta = await startFakeGraphApi({ accessToken: TOKEN, appSecret: "e2e-app-secret", webhookUrl: `http://localhost:${port}/api/webhooks/whatsapp`, statusDelayMs: 300 });
    await expectJson(await request.put("/api/settings/whatsapp", { data: { phoneNumberId: "5550001", accessToken: TOKEN, apiBase: meta.url } }), 200);
    await new Promise((resolve) => setTimeout(resolve, CACHE_MS));
  });

  test.afterAll(async ({ request }) => {
    await request.delete("/api/settings/whatsapp");
    await new Promise((resolve) => setTimeout(resolve, CACHE_MS));
    await meta.close();
  });

  test("a run sends a template, statuses show as they arrive, and a button reply takes its route", async ({ page, request }) => {
    const graph: Graph = {
      nodes: [
        { id: "start", type: "trigger", position: { x: 0, y: 0 }, data: {} },
        { id: "ask", type: "sendMessage", position: { x: 250, y: 0 }, data: { text: "Hi {{contact.name}}, is product X working?", template: { name: "checkup", language: "en_US", params: ["{{contact.name}}"] }, buttons: [{ id: "yes", title: "Yes" }, { id: "help", title: "I need help" }] } },
        { id: "wait", type: "customerResponse", position: { x: 500, y: 0 }, data: { timeout: { amount: 1, unit: "hours" }, routes: [{ id: "help", label: "Help", op: "equals", value: "help" }] } },
        { id: "helped", type: "sendMessage", position: { x: 750, y: -100 }, data: { text: "An operator will write to you shortly." } },
        { id: "fine", type: "end", position: { x: 750, y: 100 }, data: {} },
        { id: "silent", type: "end", position: { x: 750, y: 200 }, data: {} },
      ],
      edges: [
        { id: "e1", source: "start", target: "ask" },
        { id: "e2", source: "ask", target: "wait" },
        { id: "e3", source: "wait", sourceHandle: "help", target: "helped" },
        { id: "e4", source: "wait", sourceHandle: "replied", target: "fine" },
        { id: "e5", source: "wait", sourceHandle: "noResponse", target: "silent" },
      ],
    };
    const automation = await createAutomation(request, graph);
    await expectJson(await request.post(`/api/automations/${automation.id}/publish`), 201);
    const phone = uniquePhone();
    const { runs } = await expectJson<{ runs: { id: string }[] }>(await request.post(`/api/automations/${automation.id}/runs`, { data: { contacts: [{ phone, name: "Ada" }] } }), 202);
    const runId = runs[0]!.id;

    await page.goto(`/runs/${runId}`);
    await expect(page.getByText("Hi Ada, is product X working?")).toBeVisible();
    await expect(page.getByText("Template checkup (en_US)")).toBeVisible();
    // The fake reports sent, then delivered: the ticks follow.
    await expect(page.getByRole("img", { name: "Delivered" })).toBeVisible();
    const [send] = meta.sends;
    expect(send).toMatchObject({ to: phone.slice(1), type: "template" });
    expect(send!.body).toMatchObject({ template: { name: "checkup", components: [{ type: "body", parameters: [{ type: "text", text: "Ada" }] }, {}, {}] } });

    await meta.postStatus(send!.wamid, "read");
    await expect(page.getByRole("img", { name: "Read" })).toBeVisible();

    // The contact taps "I need help" in WhatsApp: the route whose value is that button's id.
    await meta.postInbound({ from: phone.slice(1), buttonReply: { id: "help", title: "I need help" } });
    const done = await waitForRunStatus(request, runId, "completed");
    expect(done.steps).toContainEqual(expect.objectContaining({ nodeId: "wait", outcome: "help" }));
    await expect(page.getByText("An operator will write to you shortly.")).toBeVisible();
    await meta.waitForSends(2);
    expect(meta.duplicates()).toEqual([]);
  });
});
