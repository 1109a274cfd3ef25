import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../lib/db.ts";
import { startRuns } from "../lib/engine/start-runs.ts";
import { startTestServer, type TestServer } from "../lib/webhooks/start-test-server.ts";
import { setupTestEnvironment } from "./helpers/environment.ts";
import { graphOf } from "./helpers/graph-builder.ts";
import { publishedAutomation, runOf, waitForStatus } from "./helpers/scenario.ts";
import { waitFor } from "./helpers/wait-for.ts";

// The shop's API is a real HTTP server on loopback, which only WEBHOOK_ALLOW_PRIVATE lets through.
setupTestEnvironment({ workers: 1, env: { WEBHOOK_ALLOW_PRIVATE: "1" } });

let shop: TestServer;
/** Per path: answers to give in turn (the last one repeats). */
const script = new Map<string, { status: number; body: string; delayMs?: number }[]>();

beforeAll(async () => {
  shop = await startTestServer("127.0.0.1", (request, response) => {
    const path = request.url.split("?")[0] ?? "";
    const answers = script.get(path) ?? [{ status: 404, body: "{}" }];
    const answer = answers.length > 1 ? answers.shift()! : answers[0]!;
    setTimeout(() => response.writeHead(answer.status, { "content-type": "application/json" }).end(answer.body), answer.delayMs ?? 0);
  });
});
afterAll(() => shop.close());

const hook = (path: string, extra: Record<string, unknown> = {}) =>
  graphOf(
    [
      ["call", "webhook", { method: "POST", url: `${shop.origin}${path}?phone={{contact.phone}}`, body: '{"name": "{{contact.name}}"}', headers: { "X-Shop": "{{contact.fields.shop | none}}" }, ...extra }],
      ["ok", "end", {}],
      ["ko", "end", {}],
    ],
    ["start->call", "call.success->ok", "call.failure->ko"],
  );
const seenOn = (path: string) => shop.seen.filter((r) => r.url.startsWith(path));

describe("Webhook", () => {
  it("calls once with the filled-in request and Idempotency-Key, stores the answer and maps fields", async () => {
    script.set("/orders", [{ status: 201, body: JSON.stringify({ order: { id: "A-1", total: 42 }, items: [{ sku: "X9" }] }) }]);
    const automation = await publishedAutomation(hook("/orders", { saveResponse: { order_id: "order.id", total: "order.total", sku: "items.0.sku", gone: "nope.x" } }));
    const [run] = await startRuns(automation.id, [{ phone: "+393500000001", name: 'Ada "the" Lovelace' }]);
    await waitForStatus(run!.id, ["completed"]);
    const [request] = seenOn("/orders");
    expect(seenOn("/orders")).toHaveLength(1);
    expect(request!.url).toBe("/orders?phone=%2B393500000001");
    expect(JSON.parse(request!.body)).toEqual({ name: 'Ada "the" Lovelace' });
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(request!.headers["x-shop"]).toBe("none");
    const done = await runOf(run!.id);
    const callStep = done.steps.find((s) => s.outcome === "success")!;
    expect(request!.headers["idempotency-key"]).toBe(`${run!.id}:${callStep.seq - 1}`);
    expect(callStep.detail).toMatch(/^HTTP 201 in \d+ ms: \{"order"/);
    expect(callStep.detail).toContain("not in the answer: nope.x");
    const contact = await db().contact.findUniqueOrThrow({ where: { id: run!.contactId } });
    expect(contact.fields).toEqual({ order_id: "A-1", total: "42", sku: "X9" });
    expect(await db().webhookCall.findMany({ where: { runId: run!.id } })).toMatchObject([{ status: "done", responseStatus: 201, attempt: 1 }]);
  });

  it("a 500 is retried as a wait of kind retry with the same Idempotency-Key, then succeeds", async () => {
    script.set("/flaky", [{ status: 500, body: "oops" }, { status: 200, body: "{}" }]);
    const automation = await publishedAutomation(hook("/flaky", { retries: 2 }));
    const [run] = await startRuns(automation.id, [{ phone: "+393500000002" }]);
    const wait = await waitFor(async () => (await runOf(run!.id)).waits.find((w) => w.kind === "retry"), { timeoutMs: 15_000, what: "a retry wait" });
    expect(wait.data).toMatchObject({ attempt: 2, attempts: 3 });
    expect((await runOf(run!.id)).steps.at(-1)?.detail).toMatch(/^HTTP 500 in \d+ ms: oops; retry 1 of 2 in 5 s$/);
    // About 5 s from the first answer.
    expect(wait.timeoutAt.getTime() - wait.createdAt.getTime()).toBeGreaterThanOrEqual(4_900);
    await waitForStatus(run!.id, ["completed"], 20_000);
    const calls = seenOn("/flaky");
    expect(calls).toHaveLength(2);
    expect(calls[0]!.headers["idempotency-key"]).toBe(calls[1]!.headers["idempotency-key"]);
    expect((await runOf(run!.id)).steps.filter((s) => s.outcome).map((s) => s.outcome)).toEqual(["success"]);
  });

  it("a slow server times out, and once the retries are spent the run takes failure", async () => {
    script.set("/slow", [{ status: 200, body: "{}", delayMs: 3_000 }]);
    const automation = await publishedAutomation(hook("/slow", { timeoutSeconds: 1, retries: 0 }));
    const [run] = await startRuns(automation.id, [{ phone: "+393500000003" }]);
    await waitForStatus(run!.id, ["completed"], 20_000);
    const failure = (await runOf(run!.id)).steps.find((s) => s.outcome === "failure");
    expect(failure?.detail).toBe("Timed out after 1 s");
  });

  it("a 500 with no retries left takes failure, with the status in the history", async () => {
    script.set("/down", [{ status: 503, body: "maintenance" }]);
    const automation = await publishedAutomation(hook("/down", { retries: 0 }));
    const [run] = await startRuns(automation.id, [{ phone: "+393500000004" }]);
    await waitForStatus(run!.id, ["completed"], 20_000);
    expect((await runOf(run!.id)).steps.find((s) => s.outcome === "failure")?.detail).toMatch(/^HTTP 503 in \d+ ms: maintenance$/);
  });

  it("a cancelled run ignores the answer of a call in flight", async () => {
    script.set("/late", [{ status: 200, body: "{}", delayMs: 1_500 }]);
    const automation = await publishedAutomation(hook("/late"));
    const [run] = await startRuns(automation.id, [{ phone: "+393500000005" }]);
    await waitFor(async () => seenOn("/late").length === 1, { timeoutMs: 10_000, what: "the call" });
    const { cancelRun } = await import("../lib/engine/cancel-run.ts");
    await cancelRun(run!.id);
    await waitFor(async () => (await db().webhookCall.findFirst({ where: { runId: run!.id } }))?.status === "done", { timeoutMs: 10_000, what: "the answer recorded" });
    const done = await runOf(run!.id);
    expect(done.status).toBe("cancelled");
    expect(done.steps.some((s) => s.outcome === "success")).toBe(false);
  });
});

describe("Webhook and cancel", () => {
  it("a call whose run moved on before it was made (cancelled, finished) is never made", async () => {
    script.set("/never", [{ status: 200, body: "{}" }]);
    const automation = await publishedAutomation(graphOf([["x", "end", {}]], ["start->x"]));
    const [run] = await startRuns(automation.id, [{ phone: "+393500000006" }]);
    await waitForStatus(run!.id, ["completed"]);
    // What the outbox holds when a cancel commits between storing a call and its job.
    const request = { method: "POST", url: `${shop.origin}/never`, headers: {}, timeoutMs: 1000 };
    const call = await db().webhookCall.create({ data: { runId: run!.id, runSeq: 1, nodeId: "x", attempt: 1, attempts: 1, key: "k", request } });
    const { callWebhooks } = await import("../lib/engine/call-webhooks.ts");
    expect(await callWebhooks([call.id])).toEqual(new Map());
    expect(await db().webhookCall.findUniqueOrThrow({ where: { id: call.id } })).toMatchObject({ status: "done", error: "Not called: the run had moved on" });
    expect(seenOn("/never")).toHaveLength(0);
  });
});
