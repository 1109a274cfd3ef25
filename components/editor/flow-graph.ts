import { MarkerType } from "@xyflow/react";
import { edgeHandle, type Graph, type GraphEdge, type GraphNode, type NodeType } from "@/lib/flow/graph";
import { nodeDefinition } from "@/lib/flow/registry";
import { isRecord, type EditorEdge, type EditorNode, type NodeConfig } from "./editor-node";
import { handleColor } from "./node-appearance";

export function toEditorNode({ id, type, position, data }: GraphNode): EditorNode {
  return {
    id,
    type,
    position,
    data,
    ariaLabel: `${nodeDefinition(type).label} node`,
    // The trigger is where every run starts: it can be moved but never removed.
    deletable: type !== "trigger",
  };
}

export function toEditorEdge({ id, source, target, sourceHandle }: GraphEdge): EditorEdge {
  const color = handleColor[edgeHandle({ sourceHandle })] ?? handleColor.default;
  return {
    id,
    source,
    target,
    sourceHandle: sourceHandle ?? null,
    style: { stroke: color, strokeWidth: 2 },
    markerEnd: { type: MarkerType.ArrowClosed, color, width: 16, height: 16 },
    // The invisible hit area around each edge is a second path to raster; 12 px is still easy to click.
    interactionWidth: 12,
  };
}

export const fromGraph = (graph: Graph) => ({
  nodes: graph.nodes.map(toEditorNode),
  edges: graph.edges.map(toEditorEdge),
});

/** Back to the stored shape: single-output edges carry no sourceHandle at all. */
export function toGraph(nodes: EditorNode[], edges: EditorEdge[]): Graph {
  return {
    nodes: nodes.flatMap(({ id, type, position, data }) =>
      type ? [{ id, type, position: { x: Math.round(position.x), y: Math.round(position.y) }, data }] : [],
    ),
    edges: edges.map(({ id, source, target, sourceHandle }) => ({
      id,
      source,
      target,
      ...(sourceHandle ? { sourceHandle } : {}),
    })),
  };
}

export function defaultConfig(type: NodeType): NodeConfig {
  const defaults = nodeDefinition(type).defaults;
  return isRecord(defaults) ? structuredClone(defaults) : {};
}

/** Readable, unique ids such as `customerResponse-2`. */
export function nextNodeId(type: NodeType, nodes: { id: string }[]): string {
  const taken = new Set(nodes.map((n) => n.id));
  let n = 1;
  while (taken.has(`${type}-${n}`)) n += 1;
  return `${type}-${n}`;
}

export const edgeId = (source: string, sourceHandle: string | null | undefined, target: string) =>
  `e-${source}-${sourceHandle ?? "next"}-${target}`;

const NODE_WIDTH = 256;
const GAP = 24;

/** Moves a new node's position down until it overlaps no existing node (click-to-add). */
export function findFreeSpot(position: { x: number; y: number }, nodes: EditorNode[]): { x: number; y: number } {
  let spot = position;
  for (let attempt = 0; attempt < 50; attempt++) {
    const blocker = nodes.find(
      (n) =>
        spot.x < n.position.x + (n.measured?.width ?? NODE_WIDTH) + GAP &&
        n.position.x < spot.x + NODE_WIDTH + GAP &&
        spot.y < n.position.y + (n.measured?.height ?? 100) + GAP &&
        n.position.y < spot.y + 100 + GAP,
    );
    if (!blocker) return spot;
    spot = { x: spot.x, y: blocker.position.y + (blocker.measured?.height ?? 100) + GAP };
  }
  return spot;
}
