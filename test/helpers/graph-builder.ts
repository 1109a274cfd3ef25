import type { Graph, NodeType } from "../../lib/flow/graph.ts";

type NodeSpec = [id: string, type: NodeType, data?: Record<string, unknown>];
type EdgeSpec = `${string}->${string}` | `${string}.${string}->${string}`;

/**
 * A graph from short specs: nodes `["ask", "sendMessage", {text}]`, edges `"ask->wait"` or
 * `"wait.noResponse->remind"` (source.handle->target). A trigger `start` is added in front.
 */
export function graphOf(nodes: NodeSpec[], edges: EdgeSpec[]): Graph {
  return {
    nodes: [["start", "trigger", {}] as NodeSpec, ...nodes].map(([id, type, data = {}], i) => ({ id, type, position: { x: i * 300, y: 0 }, data })),
    edges: edges.map((spec) => {
      const [from = "", target = ""] = spec.split("->");
      const [source = "", sourceHandle] = from.split(".");
      return { id: spec, source, target, ...(sourceHandle ? { sourceHandle } : {}) };
    }),
  };
}
