import { afterEach, describe, expect, it } from "vitest";
import { db } from "../lib/db.ts";
import { startRuns } from "../lib/engine/start-runs.ts";
import { boss, ensureQueues, QUEUES, queueDefinitions } from "../lib/queue.ts";
import { setupTestEnvironment } from "./helpers/environment.ts";
import { fixture, outboundTexts, publishedAutomation, runOf, waitForStatus, withData } from "./helpers/scenario.ts";
import { waitFor } from "./helpers/wait-for.ts";
import { startWorkers, type Workers } from "./helpers/workers.ts";

// Workers are started by each test once it has broken something in the queue's own tables.
const env = { SWEEP_INTERVAL_SECONDS: "1", SWEEP_GRACE_SECONDS: "1" };
setupTestEnvironment({ workers: 0, env });
let workers: Workers | undefined;
afterEach(async () => {
  await workers?.stop();
  workers = undefined;
});

const oneHour = () => withData(fixture("reply-or-remind"), { wait: { timeout: { amount: 1, unit: "hours" } } });
const jobsOf = (runId: string) => db().$queryRaw<{ id: string }[]>`SELECT id::text FROM pgboss.job WHERE name = ${QUEUES.runStep} AND data->'runIds' ? ${runId}`;

describe("the sweeper puts stranded runs back on track", () => {
  it("a running run whose step job was lost is queued again, and says so in its history", async () => {
    const automation = await publishedAutomation(oneHour());
    const [run] = await startRuns(automation.id, [{ phone: "+393336000001" }]);
    expect(await jobsOf(run!.id)).toHaveLength(1);
    await db().$executeRaw`DELETE FROM pgboss.job WHERE name = ${QUEUES.runStep} AND data->'runIds' ? ${run!.id}`;

    workers = await startWorkers(1, env);
    await waitForStatus(run!.id, ["waiting"]);
    const done = await runOf(run!.id);
    expect(done.steps.map((s) => s.type)).toEqual(["trigger", "repair", "sendMessage", "customerResponse"]);
    expect(done.steps[1]!.detail).toMatch(/no step job/);
    expect(await outboundTexts(run!.id)).toEqual(["Hi there, shall we activate your plan?"]);
  });

  it("a pending wait whose timer job was lost is timed out once its deadline has passed", async () => {
    workers = await startWorkers(1, env);
    const automation = await publishedAutomation(fixture("reply-or-remind")); // 5-second timeout
    const [run] = await startRuns(automation.id, [{ phone: "+393336000002" }]);
    await waitForStatus(run!.id, ["waiting"]);
    const [wait] = (await runOf(run!.id)).waits;
    const deleted = await db().$executeRaw`DELETE FROM pgboss.job WHERE name = ${QUEUES.waitTimeout} AND id = ${wait!.id}::uuid`;
    expect(deleted).toBe(1); // the timer job's id is the wait's id

    await waitForStatus(run!.id, ["completed"], 20_000);
    const done = await runOf(run!.id);
    const outcome = done.steps.find((s) => s.outcome === "noResponse");
    expect(outcome?.detail).toMatch(/timer job was lost/);
    expect(outcome!.at.getTime()).toBeGreaterThanOrEqual(wait!.timeoutAt.getTime());
    expect(await outboundTexts(run!.id)).toEqual(["Hi there, shall we activate your plan?", "Reminder: reply YES to activate"]);
  });

  it("a run whose step job died on its last attempt fails with the reason instead of sitting stuck", async () => {
    const automation = await publishedAutomation(oneHour());
    const [run] = await startRuns(automation.id, [{ phone: "+393336000003" }]);
    // What pg-boss leaves when the last retry fails or expires with its worker.
    await db().$executeRaw`
      UPDATE pgboss.job SET state = 'failed', completed_on = now(), retry_count = retry_limit, output = '{"message": "database exploded"}'
      WHERE name = ${QUEUES.runStep} AND data->'runIds' ? ${run!.id}`;

    workers = await startWorkers(1, env);
    await waitForStatus(run!.id, ["failed"]);
    const done = await runOf(run!.id);
    expect(done.failureReason).toBe("Its step job failed after every retry: database exploded (found by the sweeper)");
    expect(done.steps.at(-1)).toMatchObject({ type: "failed", detail: done.failureReason });
    expect(await outboundTexts(run!.id)).toEqual([]);
  });

  it("a waiting run whose timer job died on its last attempt fails, and its wait is closed", async () => {
    workers = await startWorkers(1, env);
    const automation = await publishedAutomation(oneHour());
    const [run] = await startRuns(automation.id, [{ phone: "+393336000004" }]);
    await waitForStatus(run!.id, ["waiting"]);
    const [wait] = (await runOf(run!.id)).waits;
    await db().$executeRaw`
      UPDATE pgboss.job SET state = 'failed', completed_on = now(), output = '{"message": "timer broke"}'
      WHERE name = ${QUEUES.waitTimeout} AND id = ${wait!.id}::uuid`;

    await waitForStatus(run!.id, ["failed"]);
    const done = await runOf(run!.id);
    expect(done.failureReason).toMatch(/^Its timer job failed after every retry: timer broke/);
    expect(done.waits[0]).toMatchObject({ status: "cancelled", completedBy: "cancel" });
  });
});

describe("the sweeper closes what no run will ever complete", () => {
  it("a run waiting at a step its pending wait does not match fails with the reason", async () => {
    workers = await startWorkers(1, env);
    const automation = await publishedAutomation(oneHour());
    const [run] = await startRuns(automation.id, [{ phone: "+393336000005" }]);
    await waitForStatus(run!.id, ["waiting"]);
    // A run out of step with its wait (a bug or a hand edit), the wait already overdue.
    await db().$executeRaw`UPDATE "Run" SET seq = seq + 5 WHERE id = ${run!.id}`;
    await db().$executeRaw`UPDATE "Wait" SET "timeoutAt" = now() - interval '1 minute' WHERE "runId" = ${run!.id}`;

    await waitForStatus(run!.id, ["failed"]);
    const after = await runOf(run!.id);
    expect(after.failureReason).toMatch(/no longer matched the step it was waiting at/);
    expect(after.waits[0]).toMatchObject({ status: "cancelled", completedBy: "cancel" });
  });

  it("a pending wait left behind by a finished run is cancelled", async () => {
    workers = await startWorkers(1, env);
    const automation = await publishedAutomation(oneHour());
    const [run] = await startRuns(automation.id, [{ phone: "+393336000006" }]);
    await waitForStatus(run!.id, ["waiting"]);
    await db().$executeRaw`UPDATE "Run" SET status = 'completed' WHERE id = ${run!.id}`;
    await db().$executeRaw`UPDATE "Wait" SET "timeoutAt" = now() - interval '1 minute' WHERE "runId" = ${run!.id}`;

    await waitFor(async () => (await runOf(run!.id)).waits[0]!.status === "cancelled", { what: "the stale wait to be cancelled" });
    expect((await runOf(run!.id)).status).toBe("completed");
  });
});

describe("queue options", () => {
  it("are brought up to date on an existing database, not only when a queue is created", async () => {
    const instance = await boss();
    await instance.updateQueue(QUEUES.waitTimeout, { retryLimit: 1, expireInSeconds: 900 });
    expect(await instance.getQueue(QUEUES.waitTimeout)).toMatchObject({ retryLimit: 1, expireInSeconds: 900 });
    await ensureQueues(instance);
    const wanted = queueDefinitions().find((q) => q.name === QUEUES.waitTimeout)!;
    expect(await instance.getQueue(QUEUES.waitTimeout)).toMatchObject({ retryLimit: wanted.retryLimit, expireInSeconds: wanted.expireInSeconds });
  });
});
