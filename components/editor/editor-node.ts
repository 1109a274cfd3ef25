import type { Edge, Node } from "@xyflow/react";
import type { NodeType } from "@/lib/flow/graph";

/** A node's config, exactly as stored in the graph; drafts may be incomplete, so it stays loose. */
export type NodeConfig = Record<string, unknown>;

/** Canvas nodes carry only their config in `data`; everything else lives in the editor store. */
export type EditorNode = Node<NodeConfig, NodeType>;
export type EditorEdge = Edge;

/** Drafts read their data leniently; the one type guard for that lives beside the graph format. */
export { isRecord } from "@/lib/flow/is-record";
