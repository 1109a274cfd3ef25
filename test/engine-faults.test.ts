import { describe, expect, it } from "vitest";
import { db } from "../lib/db.ts";
import { cancelRun } from "../lib/engine/cancel-run.ts";
import { receiveInbound } from "../lib/engine/receive-inbound.ts";
import { startRuns } from "../lib/engine/start-runs.ts";
import type { Graph } from "../lib/flow/graph.ts";
import { setupTestEnvironment } from "./helpers/environment.ts";
import { fixture, outboundTexts, publishedAutomation, runOf, waitForNone, waitForStatus, withData } from "./helpers/scenario.ts";
import { waitFor } from "./helpers/wait-for.ts";
import { startWorkers } from "./helpers/workers.ts";

// Short job expiry and supervision so a killed worker's jobs are handed over within seconds.
const env = { JOB_EXPIRE_SECONDS: "3", SUPERVISE_INTERVAL_SECONDS: "1" };
const environment = setupTestEnvironment({ workers: 1, env });
const oneHour = () => withData(fixture("reply-or-remind"), { wait: { timeout: { amount: 1, unit: "hours" } } });

describe("inbound dedupe", () => {
  it("stores a message delivered many times at once only once, and moves the run once", async () => {
    const automation = await publishedAutomation(oneHour());
    const [run] = await startRuns(automation.id, [{ phone: "+393331000001" }]);
    await waitForStatus(run!.id, ["waiting"]);

    const results = await Promise.all(Array.from({ length: 20 }, () => receiveInbound({ from: "+393331000001", text: "yes", providerMessageId: "wamid.dup-1" })));
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(results.filter((r) => r.duplicate)).toHaveLength(19);
    await waitForStatus(run!.id, ["completed"]);
    const inbound = await db().message.findMany({ where: { contact: { phone: "+393331000001" }, direction: "inbound" } });
    expect(inbound).toHaveLength(1);
    expect(await outboundTexts(run!.id)).toEqual(["Hi there, shall we activate your plan?", "Thanks! You said: yes"]);
  });
});

describe("cancel", () => {
  it("a cancelled run ignores a later reply", async () => {
    const automation = await publishedAutomation(oneHour());
    const [run] = await startRuns(automation.id, [{ phone: "+393331000002" }]);
    await waitForStatus(run!.id, ["waiting"]);
    await cancelRun(run!.id);
    const result = await receiveInbound({ from: "+393331000002", text: "too late" });
    expect(result.completedWaits).toBe(0);
    // Give a wrongly woken worker the time to act before looking.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const done = await runOf(run!.id);
    expect(done.status).toBe("cancelled");
    expect(done.waits[0]).toMatchObject({ status: "cancelled", completedBy: "cancel" });
    expect(done.steps.at(-1)).toMatchObject({ type: "cancelled" });
    expect(await outboundTexts(run!.id)).toEqual(["Hi there, shall we activate your plan?"]);
  });

  it("a cancelled run ignores its timeout when it fires", async () => {
    const automation = await publishedAutomation(fixture("reply-or-remind")); // 5-second timeout
    const [run] = await startRuns(automation.id, [{ phone: "+393331000003" }]);
    await waitForStatus(run!.id, ["waiting"]);
    const [wait] = (await runOf(run!.id)).waits;
    await cancelRun(run!.id);
    // Wait for the timeout job itself to have run, then check it changed nothing.
    await waitFor(
      async () => {
        const rows = await db().$queryRaw<{ state: string }[]>`SELECT state::text FROM pgboss.job WHERE name = 'wait-timeout' AND data->>'waitId' = ${wait!.id}`;
        return rows[0]?.state === "completed";
      },
      { timeoutMs: 20_000, what: "the timeout job to complete" },
    );
    const done = await runOf(run!.id);
    expect(done.status).toBe("cancelled");
    expect(done.steps.some((s) => s.outcome === "noResponse")).toBe(false);
    expect(await outboundTexts(run!.id)).toEqual(["Hi there, shall we activate your plan?"]);
  });

  it("cancelling twice is fine; cancelling a finished run is refused", async () => {
    const automation = await publishedAutomation(oneHour());
    const [run, other] = await startRuns(automation.id, [{ phone: "+393331000004" }, { phone: "+393331000005" }]);
    await waitForStatus(run!.id, ["waiting"]);
    await cancelRun(run!.id);
    await cancelRun(run!.id);
    await waitForStatus(other!.id, ["waiting"]);
    await receiveInbound({ from: "+393331000005", text: "hi" });
    await waitForStatus(other!.id, ["completed"]);
    await expect(cancelRun(other!.id)).rejects.toThrow("Run already completed");
  });
});

describe("crash recovery", () => {
  it("a worker killed mid-run: every run still completes and nothing is sent twice", async () => {
    const SENDS = 8;
    // Enough runs for many batch transactions (200 runs each), so the kill lands mid-flight.
    const RUNS = 4000;
    const chain: Graph = {
      nodes: [
        { id: "start", type: "trigger", position: { x: 0, y: 0 }, data: {} },
        ...Array.from({ length: SENDS }, (_, i) => ({ id: `s${i}`, type: "sendMessage" as const, position: { x: 0, y: 0 }, data: { text: `message ${i}` } })),
        { id: "done", type: "end", position: { x: 0, y: 0 }, data: {} },
      ],
      edges: ["start", ...Array.from({ length: SENDS }, (_, i) => `s${i}`)].map((source, i, all) => ({ id: `e${i}`, source, target: all[i + 1] ?? "done" })),
    };
    const automation = await publishedAutomation(chain);
    await startRuns(automation.id, Array.from({ length: RUNS }, (_, i) => ({ phone: `+3933320${String(i).padStart(5, "0")}` })));

    const completed = () => db().run.count({ where: { automationId: automation.id, status: "completed" } });
    await waitFor(async () => (await completed()) > 0, { what: "some completed runs", intervalMs: 10 });
    environment.workers.kill(0);
    expect(await completed()).toBeLessThan(RUNS); // the kill really happened mid-flight

    const replacement = await startWorkers(1, env);
    try {
      await waitForNone(automation.id, ["running", "waiting"], 60_000);
    } finally {
      await replacement.stop();
    }
    // Every run completed, with its 8 messages once each, in order, and contiguous history.
    const [summary] = await db().$queryRaw<{ runs: bigint; completed: bigint; badMessages: bigint; badSteps: bigint }[]>`
      SELECT count(*) AS runs,
        count(*) FILTER (WHERE r.status = 'completed') AS completed,
        count(*) FILTER (WHERE (SELECT array_agg(m.text ORDER BY m."contactSeq") FROM "Message" m WHERE m."runId" = r.id)
          IS DISTINCT FROM (SELECT array_agg('message ' || i ORDER BY i) FROM generate_series(0, ${SENDS - 1}) i)) AS "badMessages",
        count(*) FILTER (WHERE (SELECT array_agg(s.seq ORDER BY s.seq) FROM "RunStep" s WHERE s."runId" = r.id)
          IS DISTINCT FROM (SELECT array_agg(i ORDER BY i) FROM generate_series(1, ${SENDS + 2}) i)) AS "badSteps"
      FROM "Run" r WHERE r."automationId" = ${automation.id}`;
    expect(summary).toEqual({ runs: BigInt(RUNS), completed: BigInt(RUNS), badMessages: 0n, badSteps: 0n });
  }, 120_000);
});
