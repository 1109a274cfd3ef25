import { describe, expect, it } from "vitest";
import { db } from "../lib/db.ts";
import { receiveInbound } from "../lib/engine/receive-inbound.ts";
import { startRuns } from "../lib/engine/start-runs.ts";
import { setupTestEnvironment } from "./helpers/environment.ts";
import { fixture, outboundTexts, publishedAutomation, runOf, waitForStatus, withData } from "./helpers/scenario.ts";
import { inWorkspace } from "../lib/auth/scope.ts";
import * as automations from "../lib/automations/automations.ts";

const publishAutomation = inWorkspace("default", automations.publishAutomation);
const updateAutomation = inWorkspace("default", automations.updateAutomation);

setupTestEnvironment({ workers: 1 });

describe("Customer Response paths", () => {
  it("a reply in time takes the replied path, with {{lastReply}} filled in", async () => {
    const automation = await publishedAutomation(withData(fixture("reply-or-remind"), { wait: { timeout: { amount: 1, unit: "hours" } } }));
    const [run] = await startRuns(automation.id, [{ phone: "+393330000001", name: "Ada" }]);
    await waitForStatus(run!.id, ["waiting"]);
    expect((await runOf(run!.id)).waits).toHaveLength(1);

    await receiveInbound({ from: "+393330000001", text: "Yes please" });
    await waitForStatus(run!.id, ["completed"]);

    const done = await runOf(run!.id);
    expect(done.steps.filter((s) => s.type === "customerResponse").map((s) => s.outcome)).toEqual([null, "replied"]);
    expect(await outboundTexts(run!.id)).toEqual(["Hi Ada, shall we activate your plan?", "Thanks! You said: Yes please"]);
    expect(done.waits[0]).toMatchObject({ status: "completed", completedBy: "reply", outcome: "replied" });
  });

  it("silence takes the noResponse path once the timeout passes, not before", async () => {
    const automation = await publishedAutomation(fixture("reply-or-remind"));
    const [run] = await startRuns(automation.id, [{ phone: "+393330000002" }]);
    await waitForStatus(run!.id, ["waiting"]);
    const { waits } = await runOf(run!.id);
    await waitForStatus(run!.id, ["completed"], 20_000);

    const done = await runOf(run!.id);
    const outcome = done.steps.find((s) => s.outcome);
    expect(outcome).toMatchObject({ type: "customerResponse", outcome: "noResponse" });
    // The noResponse step is stamped by the database clock, never before the deadline.
    expect(outcome!.at.getTime()).toBeGreaterThanOrEqual(waits[0]!.timeoutAt.getTime());
    expect(await outboundTexts(run!.id)).toEqual(["Hi there, shall we activate your plan?", "Reminder: reply YES to activate"]);
  });

  it("a reply from before the run started does not count", async () => {
    await receiveInbound({ from: "+393330000004", text: "an old message" });
    const automation = await publishedAutomation(fixture("reply-or-remind"));
    const [run] = await startRuns(automation.id, [{ phone: "+393330000004" }]);
    await waitForStatus(run!.id, ["completed"], 20_000);
    expect((await runOf(run!.id)).steps.find((s) => s.outcome)?.outcome).toBe("noResponse");
  });

  it("one inbound message completes every pending wait of the contact, in all automations", async () => {
    const graph = withData(fixture("reply-or-remind"), { wait: { timeout: { amount: 1, unit: "hours" } } });
    const first = await publishedAutomation(graph, "First");
    const second = await publishedAutomation(graph, "Second");
    const other = await startRuns(second.id, [{ phone: "+393330000099" }]);
    const runs = [...(await startRuns(first.id, [{ phone: "+393330000005" }])), ...(await startRuns(second.id, [{ phone: "+393330000005" }]))];
    for (const run of [...runs, ...other]) await waitForStatus(run.id, ["waiting"]);

    await receiveInbound({ from: "+393330000005", text: "hello" });
    for (const run of runs) await waitForStatus(run.id, ["completed"]);
    // Another contact's wait is untouched.
    expect((await runOf(other[0]!.id)).status).toBe("waiting");
  });

  it("runs keep the version they started on", async () => {
    const graph = withData(fixture("reply-or-remind"), { wait: { timeout: { amount: 1, unit: "hours" } }, thanks: { text: "v1 thanks" } });
    const automation = await publishedAutomation(graph);
    const [old] = await startRuns(automation.id, [{ phone: "+393330000006" }]);
    await waitForStatus(old!.id, ["waiting"]);

    await updateAutomation(automation.id, { graph: withData(graph, { thanks: { text: "v2 thanks" } }) });
    expect((await publishAutomation(automation.id)).version).toBe(2);
    const [fresh] = await startRuns(automation.id, [{ phone: "+393330000007" }]);
    await waitForStatus(fresh!.id, ["waiting"]);

    await receiveInbound({ from: "+393330000006", text: "ok" });
    await receiveInbound({ from: "+393330000007", text: "ok" });
    await waitForStatus(old!.id, ["completed"]);
    await waitForStatus(fresh!.id, ["completed"]);
    expect((await outboundTexts(old!.id)).at(-1)).toBe("v1 thanks");
    expect((await outboundTexts(fresh!.id)).at(-1)).toBe("v2 thanks");
    const versions = await db().run.findMany({ where: { id: { in: [old!.id, fresh!.id] } }, select: { id: true, version: { select: { version: true } } } });
    expect(Object.fromEntries(versions.map((r) => [r.id, r.version.version]))).toEqual({ [old!.id]: 1, [fresh!.id]: 2 });
  });
});

describe("guard rails", () => {
  it("stops a loop without waits after a bounded number of steps, with a clear reason", async () => {
    const graph = fixture("reply-or-remind");
    const loop = {
      nodes: [graph.nodes[0]!, { id: "a", type: "sendMessage" as const, position: { x: 0, y: 0 }, data: { text: "ping" } }, { id: "b", type: "sendMessage" as const, position: { x: 0, y: 0 }, data: { text: "pong" } }],
      edges: [{ id: "e1", source: "start", target: "a" }, { id: "e2", source: "a", target: "b" }, { id: "e3", source: "b", target: "a" }],
    };
    const automation = await publishedAutomation(loop);
    const [run] = await startRuns(automation.id, [{ phone: "+393330000008" }]);
    await waitForStatus(run!.id, ["failed"]);
    const done = await runOf(run!.id);
    expect(done.failureReason).toMatch(/Stopped after 100 steps without waiting/);
    // The trigger, 100 sends without a wait, then the row that says why it stopped.
    expect(done.steps).toHaveLength(102);
    expect(done.steps.at(-1)).toMatchObject({ type: "guard", detail: done.failureReason });
    expect(await outboundTexts(run!.id)).toHaveLength(100);
  });
});
