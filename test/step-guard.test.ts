import { describe, expect, it } from "vitest";
import { receiveInbound } from "../lib/engine/receive-inbound.ts";
import { startRuns } from "../lib/engine/start-runs.ts";
import type { Graph } from "../lib/flow/graph.ts";
import { setupTestEnvironment } from "./helpers/environment.ts";
import { outboundTexts, publishedAutomation, runOf, waitForStatus } from "./helpers/scenario.ts";
import { waitFor } from "./helpers/wait-for.ts";
import { startWorkers } from "./helpers/workers.ts";

// A tight guard, so that a guard counting a run's whole life would trip within two laps.
const MAX = "5";
setupTestEnvironment({ workers: 1, env: { MAX_RUN_STEPS: MAX } });

const node = (id: string, type: "trigger" | "sendMessage" | "customerResponse", data: Record<string, unknown> = {}) => ({ id, type, position: { x: 0, y: 0 }, data });

describe("the step guard stops spinning, not long lives", () => {
  it("a reminder loop that waits between laps goes on far past MAX_RUN_STEPS steps", async () => {
    // ask → wait for a reply → (replied) ask again ...; every lap is 3 history rows.
    const loop: Graph = {
      nodes: [node("start", "trigger"), node("ask", "sendMessage", { text: "Still there?" }), node("wait", "customerResponse", { timeout: { amount: 1, unit: "days" } })],
      edges: [
        { id: "e1", source: "start", target: "ask" },
        { id: "e2", source: "ask", target: "wait" },
        { id: "e3", source: "wait", sourceHandle: "replied", target: "ask" },
        { id: "e4", source: "wait", sourceHandle: "noResponse", target: "ask" },
      ],
    };
    const automation = await publishedAutomation(loop);
    const [run] = await startRuns(automation.id, [{ phone: "+393335000001" }]);
    const LAPS = 8;
    for (let lap = 1; lap <= LAPS; lap++) {
      await waitFor(async () => (await outboundTexts(run!.id)).length === lap && (await runOf(run!.id)).status === "waiting", { what: `lap ${lap}` });
      await receiveInbound({ from: "+393335000001", text: `here ${lap}` });
    }
    await waitFor(async () => (await outboundTexts(run!.id)).length === LAPS + 1 && (await runOf(run!.id)).status === "waiting", { what: "the last lap" });
    const done = await runOf(run!.id);
    expect(done.steps.length).toBeGreaterThan(3 * LAPS);
    expect(done.steps.some((s) => s.type === "guard")).toBe(false);
  });

  it("a loop without waits fails after MAX_RUN_STEPS steps, with the reason", async () => {
    const spin: Graph = {
      nodes: [node("start", "trigger"), node("a", "sendMessage", { text: "ping" }), node("b", "sendMessage", { text: "pong" })],
      edges: [{ id: "e1", source: "start", target: "a" }, { id: "e2", source: "a", target: "b" }, { id: "e3", source: "b", target: "a" }],
    };
    const automation = await publishedAutomation(spin);
    const [run] = await startRuns(automation.id, [{ phone: "+393335000002" }]);
    await waitForStatus(run!.id, ["failed"]);
    const done = await runOf(run!.id);
    expect(done.failureReason).toBe(`Stopped after ${MAX} steps without waiting: the automation may loop without a wait`);
    expect(await outboundTexts(run!.id)).toEqual(["ping", "pong", "ping", "pong", "ping"]);
  });
});

describe("MAX_RUN_STEPS", () => {
  it.each(["abc", "0", "-3", "2.5", "1e9"])("refuses %s at start-up instead of turning the guard off", async (value) => {
    await expect(startWorkers(1, { MAX_RUN_STEPS: value })).rejects.toThrow(/MAX_RUN_STEPS must be a whole number from 1 to 100000/);
  });
});
