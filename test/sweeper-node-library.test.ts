import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "../lib/db.ts";
import { advanceRuns } from "../lib/engine/advance-runs.ts";
import { startRuns } from "../lib/engine/start-runs.ts";
import { QUEUES } from "../lib/queue.ts";
import { startTestServer, type TestServer } from "../lib/webhooks/start-test-server.ts";
import { setupTestEnvironment } from "./helpers/environment.ts";
import { graphOf } from "./helpers/graph-builder.ts";
import { outboundTexts, publishedAutomation, runOf, waitForStatus } from "./helpers/scenario.ts";
import { startWorkers, type Workers } from "./helpers/workers.ts";

// Delays and webhook calls are waits and outbox rows like any other: a lost job is found again.
const env = { SWEEP_INTERVAL_SECONDS: "1", SWEEP_GRACE_SECONDS: "1", WEBHOOK_ALLOW_PRIVATE: "1" };
setupTestEnvironment({ workers: 0, env });
let workers: Workers | undefined;
let shop: TestServer;
beforeAll(async () => {
  shop = await startTestServer("127.0.0.1", (_request, response) => response.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}'));
});
afterEach(async () => {
  await workers?.stop();
  workers = undefined;
});
afterAll(() => shop.close());

describe("the sweeper and the node library", () => {
  it("a delay whose timer job was lost ends once its due time has passed, and the run goes on", async () => {
    workers = await startWorkers(1, env);
    const automation = await publishedAutomation(graphOf(
      [["pause", "delay", { duration: { amount: 5, unit: "seconds" } }], ["after", "sendMessage", { text: "after" }]],
      ["start->pause", "pause->after"],
    ));
    const [run] = await startRuns(automation.id, [{ phone: "+393337000001" }]);
    await waitForStatus(run!.id, ["waiting"]);
    const [wait] = (await runOf(run!.id)).waits;
    expect(await db().$executeRaw`DELETE FROM pgboss.job WHERE name = ${QUEUES.waitTimeout} AND id = ${wait!.id}::uuid`).toBe(1);
    await waitForStatus(run!.id, ["completed"], 20_000);
    const done = await runOf(run!.id);
    expect(done.steps.find((s) => s.type === "delay" && s.by === "timeout")?.detail).toMatch(/timer job was lost/);
    expect(await outboundTexts(run!.id)).toEqual(["after"]);
  });

  it("a webhook call whose job was lost is queued again and made once", async () => {
    const automation = await publishedAutomation(graphOf(
      [["call", "webhook", { method: "POST", url: `${shop.origin}/lost`, retries: 0 }], ["ok", "end", {}]],
      ["start->call", "call.success->ok"],
    ));
    const [run] = await startRuns(automation.id, [{ phone: "+393337000002" }]);
    // Advance the run to its call here (no worker yet), then lose the call's job before anyone takes it.
    expect(await advanceRuns([run!.id])).toEqual(new Map());
    expect(await db().webhookCall.count({ where: { runId: run!.id, status: "pending" } })).toBe(1);
    expect(await db().$executeRaw`DELETE FROM pgboss.job WHERE name = ${QUEUES.webhookCall} AND data->'runIds' ? ${run!.id}`).toBe(1);

    workers = await startWorkers(1, env);
    await waitForStatus(run!.id, ["completed"], 20_000);
    expect(shop.seen.filter((r) => r.url === "/lost")).toHaveLength(1);
    expect((await runOf(run!.id)).steps.find((s) => s.outcome === "success")?.detail).toMatch(/^HTTP 200/);
  });
});
