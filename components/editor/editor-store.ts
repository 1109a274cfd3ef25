import {
  addEdge,
  applyEdgeChanges,
  applyNodeChanges,
  type Connection,
  type EdgeChange,
  type NodeChange,
  type XYPosition,
} from "@xyflow/react";
import { createStore } from "zustand/vanilla";
import type { AutomationView } from "@/lib/automations/automation-view";
import type { Issue } from "@/lib/errors";
import type { NodeType } from "@/lib/flow/graph";
import { canConnect } from "./can-connect";
import type { EditorEdge, EditorNode, NodeConfig } from "./editor-node";
import { defaultConfig, edgeId, fromGraph, nextNodeId, toEditorEdge, toEditorNode } from "./flow-graph";
import { analyseGraph, issuesByNode, type GraphAnalysis } from "./graph-analysis";

export type EditorState = {
  automationId: string;
  name: string;
  nodes: EditorNode[];
  edges: EditorEdge[];
  /** Publish problems; nodes named by them get a red ring until the next publish attempt. */
  issues: Issue[];
  /**
   * Derived from nodes, edges and issues, recomputed only when the graph's structure or data (or
   * the issues) change: never for a drag, a selection or a measurement (see graph-analysis.ts).
   */
  analysis: GraphAnalysis;
  publishedVersion: number | null;
  /** Bumped by every change to the draft; the draft is dirty while it differs from `savedRevision`. */
  revision: number;
  savedRevision: number;
  saving: boolean;
  publishing: boolean;

  onNodesChange: (changes: NodeChange<EditorNode>[]) => void;
  onEdgesChange: (changes: EdgeChange<EditorEdge>[]) => void;
  connect: (connection: Connection) => void;
  addNode: (type: NodeType, position: XYPosition) => string;
  updateNodeData: (id: string, data: NodeConfig) => void;
  deleteElement: (id: string) => void;
  selectNode: (id: string | null) => void;
  setName: (name: string) => void;
  set: (patch: Partial<Pick<EditorState, "issues" | "publishedVersion" | "saving" | "publishing" | "savedRevision">>) => void;
};

export type EditorStore = ReturnType<typeof createEditorStore>;

// Selection and measurement changes do not touch the saved draft.
const isDraftChange = (change: { type: string }) => change.type !== "select" && change.type !== "dimensions";
// Moves, selection and measurement leave the graph's structure and data as they were.
const isStructuralChange = (change: { type: string }) => change.type === "add" || change.type === "remove" || change.type === "replace";

export function createEditorStore(automation: AutomationView) {
  const { nodes, edges } = fromGraph(automation.graph);
  return createStore<EditorState>()((set, get) => {
    const touch = () => ({ revision: get().revision + 1 });
    /** The patch for a new graph: the nodes and edges with their analysis. */
    const graph = (nodes: EditorNode[], edges: EditorEdge[], dataOnly = false) => ({
      nodes,
      edges,
      analysis: analyseGraph(nodes, edges, get().analysis, dataOnly),
    });
    return {
      automationId: automation.id,
      name: automation.name,
      nodes,
      edges,
      issues: [],
      analysis: analyseGraph(nodes, edges),
      publishedVersion: automation.publishedVersion,
      revision: 0,
      savedRevision: 0,
      saving: false,
      publishing: false,

      onNodesChange: (changes) => {
        const allowed = changes.filter((c) => c.type !== "remove" || get().nodes.find((n) => n.id === c.id)?.deletable !== false);
        if (allowed.length === 0) return;
        const nodes = applyNodeChanges(allowed, get().nodes);
        set({
          ...(allowed.some(isStructuralChange) ? graph(nodes, get().edges) : { nodes }),
          ...(allowed.some(isDraftChange) ? touch() : {}),
        });
      },
      onEdgesChange: (changes) => {
        const edges = applyEdgeChanges(changes, get().edges);
        set({
          ...(changes.some(isStructuralChange) ? graph(get().nodes, edges) : { edges }),
          ...(changes.some(isDraftChange) ? touch() : {}),
        });
      },
      connect: (connection) => {
        const { nodes, edges } = get();
        if (!canConnect(connection, nodes, edges)) return;
        const { source, sourceHandle, target } = connection;
        const edge = toEditorEdge({ id: edgeId(source, sourceHandle, target), source, target, sourceHandle });
        set({ ...graph(nodes, addEdge(edge, edges)), ...touch() });
      },
      addNode: (type, position) => {
        const id = nextNodeId(type, get().nodes);
        const node = { ...toEditorNode({ id, type, position, data: defaultConfig(type) }), selected: true };
        set({
          ...graph(
            [...get().nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), node],
            get().edges.map((e) => (e.selected ? { ...e, selected: false } : e)),
          ),
          ...touch(),
        });
        return id;
      },
      updateNodeData: (id, data) =>
        set({ ...graph(get().nodes.map((n) => (n.id === id ? { ...n, data } : n)), get().edges, true), ...touch() }),
      deleteElement: (id) => {
        const node = get().nodes.find((n) => n.id === id);
        if (node?.deletable === false) return;
        set({
          ...graph(
            get().nodes.filter((n) => n.id !== id),
            get().edges.filter((e) => e.id !== id && e.source !== id && e.target !== id),
          ),
          ...touch(),
        });
      },
      selectNode: (id) =>
        set({
          nodes: get().nodes.map((n) => (n.selected === (n.id === id) ? n : { ...n, selected: n.id === id })),
          edges: get().edges.map((e) => (e.selected ? { ...e, selected: false } : e)),
        }),
      setName: (name) => set({ name, ...touch() }),
      set: (patch) =>
        set(patch.issues !== undefined ? { ...patch, analysis: { ...get().analysis, issuesByNode: issuesByNode(patch.issues) } } : patch),
    };
  });
}

export const selectDirty = (s: EditorState) => s.revision !== s.savedRevision;

let lastInspected: EditorNode | undefined;

/**
 * The node the inspector edits: the single selected node, if exactly one is selected. While its
 * id, type and data stay the same this returns the node object it returned before, so dragging
 * the selected node (a new object per mouse move) does not re-render the inspector; its
 * `position` and `measured` may then be stale, which the inspector never reads.
 */
export function selectInspected(s: EditorState): EditorNode | undefined {
  let selected: EditorNode | undefined;
  for (const node of s.nodes) {
    if (!node.selected) continue;
    if (selected) return (lastInspected = undefined);
    selected = node;
  }
  const last = lastInspected;
  if (selected && last && last.id === selected.id && last.type === selected.type && last.data === selected.data && last.deletable === selected.deletable) return last;
  return (lastInspected = selected);
}

export function selectSelectedEdge(s: EditorState): EditorEdge | undefined {
  const selected = s.edges.filter((e) => e.selected);
  return selected.length === 1 && !s.nodes.some((n) => n.selected) ? selected[0] : undefined;
}
