import pg from "pg";
import { expect, it } from "vitest";
import { advanceRuns } from "../lib/engine/advance-runs.ts";
import { receiveInbound } from "../lib/engine/receive-inbound.ts";
import { startRuns } from "../lib/engine/start-runs.ts";
import { setupTestEnvironment } from "./helpers/environment.ts";
import { fixture, outboundTexts, publishedAutomation, runOf, withData } from "./helpers/scenario.ts";

// No worker: this file drives the run step by step to put a reply exactly between the outbound
// message and the moment the Customer Response wait is stored.
setupTestEnvironment({ workers: 0 });

it("a reply stored after the last outbound message but before the wait exists counts", async () => {
  const automation = await publishedAutomation(withData(fixture("reply-or-remind"), { wait: { timeout: { amount: 1, unit: "hours" } } }));
  const [run] = await startRuns(automation.id, [{ phone: "+393330000003" }]);

  await advanceRuns([run!.id], { maxSteps: 1 }); // the outbound question (runs start past the trigger)
  expect(await outboundTexts(run!.id)).toEqual(["Hi there, shall we activate your plan?"]);
  expect((await runOf(run!.id)).status).toBe("running");
  await receiveInbound({ from: "+393330000003", text: "already here" });

  await advanceRuns([run!.id]);
  const done = await runOf(run!.id);
  expect(done.status).toBe("completed");
  expect(done.waits).toHaveLength(0); // never waited
  expect(done.steps.find((s) => s.outcome)).toMatchObject({ type: "customerResponse", outcome: "replied" });
  expect(await outboundTexts(run!.id)).toEqual(["Hi there, shall we activate your plan?", "Thanks! You said: already here"]);
});

it("a reply consumed by one wait does not also satisfy the next", async () => {
  const graph = fixture("reply-or-remind");
  // ask → wait → (replied) → second wait with no message in between → thanks / remind
  const twoWaits = {
    nodes: [...withData(graph, { wait: { timeout: { amount: 1, unit: "hours" } } }).nodes, { id: "wait2", type: "customerResponse" as const, position: { x: 0, y: 0 }, data: { timeout: { amount: 1, unit: "hours" } } }],
    edges: graph.edges.map((e) => (e.id === "e3" ? { ...e, target: "wait2" } : e)).concat(
      { id: "e7", source: "wait2", sourceHandle: "replied", target: "thanks" },
      { id: "e8", source: "wait2", sourceHandle: "noResponse", target: "remind" },
    ),
  };
  const automation = await publishedAutomation(twoWaits);
  const [run] = await startRuns(automation.id, [{ phone: "+393330000010" }]);
  await advanceRuns([run!.id]);
  await receiveInbound({ from: "+393330000010", text: "first" });
  await advanceRuns([run!.id]);
  const afterFirst = await runOf(run!.id);
  expect(afterFirst.status).toBe("waiting");
  expect(afterFirst.currentNodeId).toBe("wait2");
});

it("a wait's deadline counts from when the wait is stored, not from when its transaction began", async () => {
  const automation = await publishedAutomation(withData(fixture("reply-or-remind"), { wait: { timeout: { amount: 1, unit: "hours" } } }));
  const [run] = await startRuns(automation.id, [{ phone: "+393330000020" }]);
  // Hold the contact's row while the engine's transaction is already open and waiting for it.
  const holder = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await holder.connect();
  try {
    await holder.query("BEGIN");
    await holder.query(`SELECT 1 FROM "Contact" WHERE id = $1 FOR UPDATE`, [run!.contactId]);
    const advancing = advanceRuns([run!.id]);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await holder.query("COMMIT");
    await advancing;
  } finally {
    await holder.end();
  }
  const done = await runOf(run!.id);
  const waiting = done.steps.find((s) => s.type === "customerResponse")!;
  // The deadline is one hour after the moment the wait was stored (its history row), to the
  // millisecond, not an hour after the transaction's start 1.5 s earlier.
  expect(done.waits[0]!.timeoutAt.getTime() - waiting.at.getTime()).toBeGreaterThanOrEqual(3600_000 - 50);
});
