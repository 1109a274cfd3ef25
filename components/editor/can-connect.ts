import type { Connection, Edge } from "@xyflow/react";
import { nodeDefinition } from "@/lib/flow/registry";
import type { EditorEdge, EditorNode } from "./editor-node";

/**
 * The one connection rule for the canvas, mirroring publish validation: no self loops,
 * nothing into the trigger, nothing out of a node without outputs, one edge per output handle.
 */
export function canConnect(connection: Connection | Edge, nodes: EditorNode[], edges: EditorEdge[]): boolean {
  const { source, target } = connection;
  const sourceHandle = connection.sourceHandle ?? null;
  if (source === target) return false;
  const sourceNode = nodes.find((n) => n.id === source);
  const targetNode = nodes.find((n) => n.id === target);
  if (!sourceNode?.type || !targetNode?.type) return false;
  if (nodeDefinition(sourceNode.type).outputs.length === 0) return false;
  if (!nodeDefinition(targetNode.type).acceptsInput) return false;
  return !edges.some((e) => e.source === source && (e.sourceHandle ?? null) === sourceHandle);
}
