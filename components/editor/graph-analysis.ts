import type { Issue } from "@/lib/errors";
import type { Graph, NodeType } from "@/lib/flow/graph";
import { loopsWithoutWait } from "@/lib/flow/loops";
import { handleKey, missingHandles } from "@/lib/flow/missing-handles";
import { textOutsideWindow } from "@/lib/flow/session-window";
import type { EditorEdge, EditorNode } from "./editor-node";

/**
 * What the canvas shows about the graph as a whole, worked out once per change to the graph's
 * structure or data and kept in the editor store. Nodes read one membership each
 * (`s.analysis.outsideWindow.has(id)`): a boolean, so a drag, which changes positions only and
 * keeps this object, re-renders no node but the one moving.
 */
export type GraphAnalysis = {
  /** Free-text Send message nodes some path reaches outside WhatsApp's 24-hour window. */
  outsideWindow: ReadonlySet<string>;
  /** Required outputs without an edge, as `missingHandleKey(nodeId, handleId)`. */
  missingHandles: ReadonlySet<string>;
  /** Nodes on a loop that has no waiting step. */
  loopsWithoutWait: ReadonlySet<string>;
  /** The graph's node ids; kept as the same Set while they do not change. */
  nodeIds: ReadonlySet<string>;
  /** Publish problems by the node they name (messages as the server wrote them). */
  issuesByNode: ReadonlyMap<string, readonly string[]>;
};

export const missingHandleKey = handleKey;

/**
 * The graph-wide part; `previous` lends its issues, and its `nodeIds` when they are unchanged.
 * `dataOnly`: only node data changed (an inspector edit, once per keystroke), so the nodes, their
 * types and the edges are the same and the loops and node ids are kept as they were.
 */
export function analyseGraph(nodes: EditorNode[], edges: EditorEdge[], previous?: GraphAnalysis, dataOnly = false): GraphAnalysis {
  // The store's own objects, not toGraph's rounded copies: nothing here reads positions.
  const graph: Graph = { nodes: nodes.filter(hasType), edges };
  const kept = dataOnly ? previous : undefined;
  const nodeIds = kept?.nodeIds ?? new Set(graph.nodes.map((n) => n.id));
  return {
    outsideWindow: textOutsideWindow(graph),
    missingHandles: missingHandles(graph),
    loopsWithoutWait: kept?.loopsWithoutWait ?? loopsWithoutWait(graph),
    nodeIds: previous && sameSet(previous.nodeIds, nodeIds) ? previous.nodeIds : nodeIds,
    issuesByNode: previous?.issuesByNode ?? new Map(),
  };
}

const hasType = (node: EditorNode): node is EditorNode & { type: NodeType } => node.type !== undefined;

/** Publish problems grouped by node, in the order the server listed them. */
export function issuesByNode(issues: readonly Issue[]): Map<string, string[]> {
  const byNode = new Map<string, string[]>();
  for (const { nodeId, message } of issues) {
    if (!nodeId) continue;
    const list = byNode.get(nodeId);
    if (list) list.push(message);
    else byNode.set(nodeId, [message]);
  }
  return byNode;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const id of a) if (!b.has(id)) return false;
  return true;
}
