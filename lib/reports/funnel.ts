import { edgeHandle, type Graph, type GraphNode } from "../flow/graph.ts";
import { nodeDefinition, nodeOutputs } from "../flow/registry.ts";
import { ENTERED, isExitHandle } from "../stats/counter-keys.ts";
import type { NodeCounts } from "./node-counts.ts";
import { nodeSummary } from "./node-summary.ts";

export type FunnelExit = { handle: string; label: string; count: number; targetNodeId: string | null };
export type FunnelStep = {
  /** 1-based, in funnel order. */
  position: number;
  nodeId: string;
  type: GraphNode["type"];
  /** The node type's label ("Send message"). */
  label: string;
  /** What tells it apart from others of its type: a message's text, a wait's timeout; null if nothing. */
  summary: string | null;
  entered: number;
  exits: FunnelExit[];
};

/**
 * The version's steps as a funnel: breadth-first from the trigger, each node's outputs followed in
 * the order the node lists them, so the funnel reads as the canvas does top to bottom. Nodes not
 * reachable from the trigger come last, in graph order. Each step has its entered count and one
 * exit per output (counted ones a later edit removed included), from the per-version counters.
 */
export function funnelSteps(graph: Graph, counts: NodeCounts): FunnelStep[] {
  return funnelOrder(graph).map((node, index) => {
    const counted = counts.get(node.id) ?? new Map<string, number>();
    const outputs = nodeOutputs(node.type, node.data);
    const known = new Set(outputs.map((o) => o.id));
    const extra = [...counted.keys()].filter((handle) => isExitHandle(handle) && !known.has(handle)).sort();
    const exits = [...outputs.map((o) => ({ handle: o.id, label: o.label })), ...extra.map((handle) => ({ handle, label: handle }))].map((exit) => ({
      ...exit,
      count: counted.get(exit.handle) ?? 0,
      targetNodeId: graph.edges.find((e) => e.source === node.id && edgeHandle(e) === exit.handle)?.target ?? null,
    }));
    return {
      position: index + 1,
      nodeId: node.id,
      type: node.type,
      label: nodeDefinition(node.type).label,
      summary: nodeSummary(node),
      entered: counted.get(ENTERED) ?? 0,
      exits,
    };
  });
}

/** Breadth-first from the trigger along the outputs in their order; unreachable nodes after. */
export function funnelOrder(graph: Graph): GraphNode[] {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const trigger = graph.nodes.find((n) => n.type === "trigger");
  const seen = new Set<string>();
  const order: GraphNode[] = [];
  const queue = trigger ? [trigger] : [];
  for (let node = queue.shift(); node; node = queue.shift()) {
    if (seen.has(node.id)) continue;
    seen.add(node.id);
    order.push(node);
    queue.push(...nextNodes(graph, node, byId));
  }
  return [...order, ...graph.nodes.filter((n) => !seen.has(n.id))];
}

function nextNodes(graph: Graph, node: GraphNode, byId: Map<string, GraphNode>): GraphNode[] {
  const rank = new Map(nodeOutputs(node.type, node.data).map((o, i) => [o.id, i]));
  return graph.edges
    .filter((e) => e.source === node.id)
    .map((e, i) => ({ e, i, r: rank.get(edgeHandle(e)) ?? Number.MAX_SAFE_INTEGER }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .flatMap(({ e }) => byId.get(e.target) ?? []);
}
