import { describe, expect, it } from "vitest";
import type { GraphEdge, GraphNode } from "./graph.ts";
import { loopsWithoutWait } from "./loops.ts";

const at = { x: 0, y: 0 };
const node = (id: string, type: GraphNode["type"] = "sendMessage"): GraphNode => ({ id, type, position: at, data: {} });
const edge = (source: string, target: string, sourceHandle?: string): GraphEdge => ({ id: `${source}-${sourceHandle ?? ""}-${target}`, source, target, sourceHandle });

describe("loopsWithoutWait", () => {
  it("flags every node of a loop without a waiting step, and nothing leading into it", () => {
    const nodes = [node("t", "trigger"), node("a"), node("b", "tag"), node("c", "condition")];
    const edges = [edge("t", "a"), edge("a", "b"), edge("b", "c"), edge("c", "a", "true")];
    expect(loopsWithoutWait({ nodes, edges })).toEqual(new Set(["a", "b", "c"]));
  });

  it("says nothing about a reminder loop through a Customer Response or a Delay", () => {
    for (const wait of ["customerResponse", "delay"] as const) {
      const nodes = [node("t", "trigger"), node("ask"), node("w", wait), node("nudge")];
      const edges = [edge("t", "ask"), edge("ask", "w"), edge("w", "nudge", "noResponse"), edge("nudge", "w")];
      expect(loopsWithoutWait({ nodes, edges })).toEqual(new Set());
    }
  });

  it("flags a node that is on a loop with a wait and on one without", () => {
    // a → w → a has a wait; a → b → a has none.
    const nodes = [node("t", "trigger"), node("a", "condition"), node("w", "delay"), node("b")];
    const edges = [edge("t", "a"), edge("a", "w", "true"), edge("w", "a"), edge("a", "b", "false"), edge("b", "a")];
    expect(loopsWithoutWait({ nodes, edges })).toEqual(new Set(["a", "b"]));
  });

  it("flags a step that leads to itself, and ignores edges to missing nodes", () => {
    const nodes = [node("t", "trigger"), node("a", "webhook")];
    const edges = [edge("t", "a"), edge("a", "a", "failure"), edge("a", "ghost", "success")];
    expect(loopsWithoutWait({ nodes, edges })).toEqual(new Set(["a"]));
  });

  it("keeps separate loops apart and leaves the acyclic rest alone", () => {
    const nodes = [node("t", "trigger"), node("a"), node("b"), node("c"), node("d"), node("e", "end")];
    const edges = [edge("t", "a"), edge("a", "b"), edge("b", "a"), edge("b", "c"), edge("c", "d"), edge("d", "c"), edge("d", "e")];
    expect(loopsWithoutWait({ nodes, edges })).toEqual(new Set(["a", "b", "c", "d"]));
  });

  it("handles a long loop without recursing", () => {
    const count = 20_000;
    const nodes = Array.from({ length: count }, (_, i) => node(`n${i}`, "tag"));
    const edges = nodes.map((_, i) => edge(`n${i}`, `n${(i + 1) % count}`));
    expect(loopsWithoutWait({ nodes, edges }).size).toBe(count);
  });
});
