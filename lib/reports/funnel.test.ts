import { describe, expect, it } from "vitest";
import type { Graph } from "../flow/graph.ts";
import { ENTERED, replyBucketKey } from "../stats/counter-keys.ts";
import { funnelOrder, funnelSteps } from "./funnel.ts";
import type { NodeCounts } from "./node-counts.ts";
import { replyStats } from "./reply-stats.ts";

const node = (id: string, type: Graph["nodes"][number]["type"], data: Record<string, unknown> = {}) => ({ id, type, position: { x: 0, y: 0 }, data });

// The edges are listed out of order on purpose: the funnel follows the node's outputs, not the list.
const graph: Graph = {
  nodes: [
    node("remind", "sendMessage", { text: "Reminder: reply YES" }),
    node("start", "trigger"),
    node("wait", "customerResponse", { timeout: { amount: 10, unit: "minutes" }, routes: [{ id: "yes", label: "Yes", op: "equals", value: "yes" }] }),
    node("ask", "sendMessage", { text: "Shall we?" }),
    node("thanks", "sendMessage", { text: "Thanks" }),
    node("orphan", "end"),
  ],
  edges: [
    { id: "e4", source: "wait", sourceHandle: "noResponse", target: "remind" },
    { id: "e1", source: "start", target: "ask" },
    { id: "e2", source: "ask", target: "wait" },
    { id: "e3", source: "wait", sourceHandle: "yes", target: "thanks" },
    { id: "e5", source: "wait", sourceHandle: "replied", target: "thanks" },
  ],
};

const counts: NodeCounts = new Map([
  ["start", new Map([[ENTERED, 10], ["default", 10]])],
  ["ask", new Map([[ENTERED, 10], ["default", 10]])],
  [
    "wait",
    new Map([
      [ENTERED, 10],
      ["yes", 3],
      ["replied", 2],
      ["noResponse", 4],
      ["oldRoute", 1],
      [replyBucketKey(5), 2],
      [replyBucketKey(50), 3],
      [replyBucketKey(200), 1],
    ]),
  ],
]);

describe("the funnel", () => {
  it("orders the nodes breadth-first from the trigger along each node's outputs, unreachable ones last", () => {
    expect(funnelOrder(graph).map((n) => n.id)).toEqual(["start", "ask", "wait", "thanks", "remind", "orphan"]);
  });

  it("gives each step its entered count and one exit per output (counted leftovers too), zeros included", () => {
    const steps = funnelSteps(graph, counts);
    expect(steps[2]).toMatchObject({ position: 3, nodeId: "wait", label: "Customer Response", summary: "waits 10 minutes", entered: 10 });
    expect(steps[2]!.exits.map((e) => [e.handle, e.label, e.count, e.targetNodeId])).toEqual([
      ["yes", "Yes", 3, "thanks"],
      ["replied", "Replied", 2, "thanks"],
      ["noResponse", "No response", 4, "remind"],
      ["deliveryFailed", "Not delivered", 0, null],
      ["oldRoute", "oldRoute", 1, null],
    ]);
    expect(steps[3]).toMatchObject({ nodeId: "thanks", entered: 0, summary: "Thanks", exits: [{ handle: "default", count: 0 }] });
    expect(steps[5]).toMatchObject({ nodeId: "orphan", exits: [] });
  });

  it("sums every reply route into replied, and reads the time to reply from the histogram", () => {
    const [wait] = replyStats(graph, funnelSteps(graph, counts), counts);
    expect(wait).toMatchObject({ nodeId: "wait", position: 3, replied: 6, noResponse: 4, deliveryFailed: 0, replyRate: 0.6 });
    // 6 replies: 2 ≤ 10 s, 3 in (30 s, 1 min], 1 in (2, 5 min]; the median is the 3rd, a third into (30, 60].
    expect(wait!.p50Seconds).toBeCloseTo(30 + (30 * 1) / 3);
    expect(wait!.p90Seconds).toBeGreaterThan(120);
    expect(wait!.histogram.map((b) => b.count)).toEqual([2, 0, 3, 0, 1, 0]);
    expect(wait!.histogram.at(-1)?.label).toBe("≤ 10 min");
  });

  it("has no reply rate before any wait ended", () => {
    const [wait] = replyStats(graph, funnelSteps(graph, new Map()), new Map());
    expect(wait).toMatchObject({ replied: 0, noResponse: 0, replyRate: null, p50Seconds: null, p90Seconds: null });
  });
});
