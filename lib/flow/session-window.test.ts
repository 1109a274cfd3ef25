import { describe, expect, it } from "vitest";
import type { Graph, GraphEdge, GraphNode } from "./graph.ts";
import { textOutsideWindow } from "./session-window.ts";

const at = { x: 0, y: 0 };
const trigger = (id = "t"): GraphNode => ({ id, type: "trigger", position: at, data: {} });
const send = (id: string, template?: string): GraphNode => ({ id, type: "sendMessage", position: at, data: { text: "hi", ...(template ? { template } : {}) } });
const wait = (id: string, amount: number, unit: "hours" | "days"): GraphNode => ({ id, type: "customerResponse", position: at, data: { timeout: { amount, unit } } });
const edge = (source: string, target: string, sourceHandle?: string): GraphEdge => ({ id: `${source}-${sourceHandle ?? ""}-${target}`, source, target, sourceHandle });
const graph = (nodes: GraphNode[], edges: GraphEdge[]): Graph => ({ nodes, edges });

describe("textOutsideWindow", () => {
  it("flags a first free-text message: the contact may never have written", () => {
    expect(textOutsideWindow(graph([trigger(), send("a")], [edge("t", "a")]))).toEqual(new Set(["a"]));
  });

  it("does not flag a message sent as an approved template", () => {
    expect(textOutsideWindow(graph([trigger(), send("a", "order_ready")], [edge("t", "a")]))).toEqual(new Set());
  });

  it("a Replied outcome opens the window; No response keeps it closed", () => {
    const g = graph(
      [trigger(), send("ask", "order_ready"), wait("w", 1, "hours"), send("thanks"), send("remind")],
      [edge("t", "ask"), edge("ask", "w"), edge("w", "thanks", "replied"), edge("w", "remind", "noResponse")],
    );
    expect(textOutsideWindow(g)).toEqual(new Set(["remind"]));
  });

  it("silence after a reply adds up: a second No response past 24 h flags, under 24 h does not", () => {
    const chain = (hours: number) =>
      graph(
        [trigger(), send("ask", "t1"), wait("w1", 1, "hours"), wait("w2", hours, "hours"), send("late"), send("ok")],
        [edge("t", "ask"), edge("ask", "w1"), edge("w1", "w2", "replied"), edge("w1", "ok", "noResponse"), edge("w2", "late", "noResponse"), edge("w2", "ok", "replied")],
      );
    expect(textOutsideWindow(chain(23))).toEqual(new Set(["ok"])); // "ok" is also reached by w1's No response
    expect(textOutsideWindow(chain(24))).toEqual(new Set(["ok", "late"]));
  });

  it("takes the worst path into a node and terminates on loops", () => {
    const g = graph(
      [trigger(), send("ask", "t1"), wait("w", 10, "hours"), send("nudge")],
      [edge("t", "ask"), edge("ask", "w"), edge("w", "nudge", "noResponse"), edge("nudge", "w"), edge("w", "ask", "replied")],
    );
    expect(textOutsideWindow(g)).toEqual(new Set(["nudge"]));
  });

  it("does not flag unreachable messages (publish reports those)", () => {
    expect(textOutsideWindow(graph([trigger(), send("a", "x"), send("orphan")], [edge("t", "a")]))).toEqual(new Set());
  });
});
