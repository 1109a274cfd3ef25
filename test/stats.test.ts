import { describe, expect, it } from "vitest";
import { inWorkspace } from "../lib/auth/scope.ts";
import { publishAutomation, updateAutomation } from "../lib/automations/automations.ts";
import { db } from "../lib/db.ts";
import { AppError } from "../lib/errors.ts";
import { cancelRun } from "../lib/engine/cancel-run.ts";
import { receiveInbound } from "../lib/engine/receive-inbound.ts";
import { startRuns } from "../lib/engine/start-runs.ts";
import { automationStats as unscopedStats } from "../lib/stats/automation-stats.ts";
import { compactNodeCounts } from "../lib/stats/compact-counts.ts";
import { setupTestEnvironment } from "./helpers/environment.ts";
import { graphOf } from "./helpers/graph-builder.ts";
import { publishedAutomation, waitForStatus } from "./helpers/scenario.ts";

setupTestEnvironment({ workers: 2 });

const automationStats = inWorkspace("default", unscopedStats);
const publish = inWorkspace("default", publishAutomation);
const update = inWorkspace("default", updateAutomation);

/** Ask, wait (5 s, so the silent contact times out during the test), thank or remind. */
const askGraph = graphOf(
  [
    ["ask", "sendMessage", { text: "Still interested?" }],
    ["wait", "customerResponse", { timeout: { amount: 5, unit: "seconds" } }],
    ["thanks", "sendMessage", { text: "thanks" }],
    ["remind", "sendMessage", { text: "reminder" }],
  ],
  ["start->ask", "ask->wait", "wait.replied->thanks", "wait.noResponse->remind"],
);

describe("automation stats", () => {
  it("counts entries, who is where now with the soonest timeout, exits per handle and replies, per version", async () => {
    const automation = await publishedAutomation(askGraph);
    const phones = ["+393450000001", "+393450000002", "+393450000003", "+393450000004"];
    const [replies, silent, pending, cancelled] = await startRuns(automation.id, phones.map((phone) => ({ phone })));
    for (const run of [replies!, silent!, pending!, cancelled!]) await waitForStatus(run.id, ["waiting"]);

    const waiting = await automationStats(automation.id);
    expect(waiting.version).toBe(1);
    expect(waiting.versions).toEqual([1]);
    expect(waiting.nodes.start).toMatchObject({ entered: 4, active: 0, exits: { default: 4 } });
    expect(waiting.nodes.ask).toMatchObject({ entered: 4, exits: { default: 4 } });
    expect(waiting.nodes.wait).toMatchObject({ entered: 4, active: 4, exits: {} });
    const soonest = new Date(waiting.nodes.wait!.soonestTimeoutAt!).getTime();
    const timeouts = (await db().wait.findMany({ where: { runId: { in: [replies!.id, silent!.id, pending!.id, cancelled!.id] } } })).map((w) => w.timeoutAt.getTime());
    expect(soonest).toBe(Math.min(...timeouts));
    expect(waiting.waits.wait).toEqual({ replied: 0, noResponse: 0, pending: 4, replyRate: null, timeToReply: { p50Seconds: null, p90Seconds: null } });

    await receiveInbound({ from: phones[0]!, text: "yes" });
    await cancelRun(cancelled!.id);
    await waitForStatus(replies!.id, ["completed"]);
    // The pending contact keeps waiting: reply to it only after the silent one timed out.
    await waitForStatus(silent!.id, ["completed"], 20_000);
    const after = await automationStats(automation.id);
    expect(after.nodes.wait).toMatchObject({ entered: 4, exits: { replied: 1, noResponse: 2 } });
    // The pending contact timed out too by now, or is still there: either way counted once.
    const { noResponse, replied, pending: stillPending } = after.waits.wait!;
    expect(replied).toBe(1);
    expect(noResponse + stillPending).toBe(2);
    expect(after.nodes.thanks).toMatchObject({ entered: 1, exits: { default: 1 } });
    expect(after.nodes.remind!.entered).toBe(noResponse);
    expect(after.waits.wait!.replyRate).toBeCloseTo(1 / (1 + noResponse));
    // The reply came within the first seconds: the first bucket (≤ 10 s), interpolated.
    expect(after.waits.wait!.timeToReply.p50Seconds).toBeGreaterThan(0);
    expect(after.waits.wait!.timeToReply.p50Seconds).toBeLessThanOrEqual(10);
    // A cancelled run left on no handle.
    expect(Object.values(after.nodes.wait!.exits).reduce((a, b) => a + b, 0)).toBe(1 + noResponse);
    void pending;
  });

  it("keeps each version's numbers when the draft is edited and published again; test runs never count", async () => {
    const automation = await publishedAutomation(askGraph);
    const [first] = await startRuns(automation.id, [{ phone: "+393450000011" }]);
    await waitForStatus(first!.id, ["waiting"]);

    // Version 2 replaces the reminder with another step.
    const edited = graphOf(
      [
        ["ask", "sendMessage", { text: "Still interested?" }],
        ["wait", "customerResponse", { timeout: { amount: 5, unit: "seconds" } }],
        ["thanks", "sendMessage", { text: "thanks" }],
        ["nudge", "sendMessage", { text: "a nudge" }],
      ],
      ["start->ask", "ask->wait", "wait.replied->thanks", "wait.noResponse->nudge"],
    );
    await update(automation.id, { graph: edited });
    const { version } = await publish(automation.id);
    expect(version).toBe(2);
    const v2 = await automationStats(automation.id);
    expect(v2.version).toBe(2);
    expect(v2.versions).toEqual([2, 1]);
    expect(v2.nodes.wait).toMatchObject({ entered: 0, active: 0 });
    expect(v2.nodes.remind).toBeUndefined();
    expect(v2.nodes.nudge).toMatchObject({ entered: 0 });
    const v1 = await automationStats(automation.id, 1);
    expect(v1.nodes.wait).toMatchObject({ entered: 1, active: 1 });
    expect(v1.nodes.remind).toBeDefined();

    // A simulator run (test = true) moving through version 1 adds nothing to its counters.
    const [test] = await startRuns(automation.id, [{ phone: "+393450000012" }]);
    await waitForStatus(test!.id, ["waiting"]);
    const before = await automationStats(automation.id, 2);
    await db().run.update({ where: { id: test!.id }, data: { test: true } });
    await receiveInbound({ from: "+393450000012", text: "hi" });
    await waitForStatus(test!.id, ["completed"]);
    expect((await automationStats(automation.id, 2)).nodes.wait!.exits).toEqual(before.nodes.wait!.exits);

    await expect(automationStats(automation.id, 3)).rejects.toSatisfy((e) => e instanceof AppError && e.code === "not_found");
    await expect(inWorkspace("another", unscopedStats)(automation.id)).rejects.toSatisfy((e) => e instanceof AppError && e.code === "not_found");
  });

  it("folds the counters of backends that are gone into one row, and the numbers stay the same", async () => {
    const automation = await publishedAutomation(askGraph);
    const [run] = await startRuns(automation.id, [{ phone: "+393450000021" }]);
    await waitForStatus(run!.id, ["waiting"]);
    const { versionId } = await db().run.findUniqueOrThrow({ where: { id: run!.id } });
    // Two backends long gone counted entries at "ask" too (pids no live backend has).
    await db().nodeCount.createMany({ data: [2_000_000_001, 2_000_000_002].map((shard) => ({ versionId, nodeId: "ask", handle: "@entered", shard, count: 5 })) });
    const before = await automationStats(automation.id);
    expect(before.nodes.ask!.entered).toBe(11);

    expect(await compactNodeCounts()).toBeGreaterThanOrEqual(2);
    const rows = await db().nodeCount.findMany({ where: { versionId, nodeId: "ask", handle: "@entered" } });
    expect(rows.filter((r) => r.shard >= 2_000_000_001)).toEqual([]);
    expect(rows.find((r) => r.shard === 0)?.count).toBeGreaterThanOrEqual(10n);
    expect(await automationStats(automation.id)).toEqual(before);
  });
});
