import { describe, expect, it } from "vitest";
import type { GraphEdge, GraphNode } from "./graph.ts";
import { handleKey, missingHandles } from "./missing-handles.ts";

const at = { x: 0, y: 0 };
const node = (id: string, type: GraphNode["type"], data: Record<string, unknown> = {}): GraphNode => ({ id, type, position: at, data });
const edge = (source: string, target: string, sourceHandle?: string): GraphEdge => ({ id: `${source}-${sourceHandle ?? ""}-${target}`, source, target, sourceHandle });

describe("missingHandles", () => {
  it("names the required outputs without an edge, and never the optional ones", () => {
    const nodes = [node("t", "trigger"), node("w", "customerResponse", { timeout: { amount: 1, unit: "hours" } }), node("s", "sendMessage"), node("h", "webhook")];
    const edges = [edge("t", "w"), edge("w", "s", "replied"), edge("w", "h", "noResponse")];
    // Send message's Next and the webhook's Failure are optional; its Success is required.
    expect(missingHandles({ nodes, edges })).toEqual(new Set([handleKey("h", "success")]));
  });

  it("reads the outputs a node's data defines (routes, cases)", () => {
    const cases = [{ id: "yes", op: "equals", value: "yes" }, { id: "no", op: "equals", value: "no" }];
    const nodes = [node("t", "trigger"), node("b", "branch", { subject: "lastReply", cases }), node("e", "end")];
    const edges = [edge("t", "b"), edge("b", "e", "yes"), edge("b", "e", "else")];
    expect(missingHandles({ nodes, edges })).toEqual(new Set([handleKey("b", "no")]));
  });

  it("counts an edge without a sourceHandle as the default output", () => {
    expect(missingHandles({ nodes: [node("t", "trigger"), node("e", "end")], edges: [edge("t", "e")] })).toEqual(new Set());
    expect(missingHandles({ nodes: [node("t", "trigger")], edges: [] })).toEqual(new Set([handleKey("t", "default")]));
  });
});
