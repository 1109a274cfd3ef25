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

export type EditorState = {
  automationId: string;
  name: string;
  nodes: EditorNode[];
  edges: EditorEdge[];
  /** Publish problems; nodes named by them get a red ring until the next publish attempt. */
  issues: Issue[];
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

export function createEditorStore(automation: AutomationView) {
  const { nodes, edges } = fromGraph(automation.graph);
  return createStore<EditorState>()((set, get) => {
    const touch = () => ({ revision: get().revision + 1 });
    return {
      automationId: automation.id,
      name: automation.name,
      nodes,
      edges,
      issues: [],
      publishedVersion: automation.publishedVersion,
      revision: 0,
      savedRevision: 0,
      saving: false,
      publishing: false,

      onNodesChange: (changes) => {
        const allowed = changes.filter((c) => c.type !== "remove" || get().nodes.find((n) => n.id === c.id)?.deletable !== false);
        if (allowed.length === 0) return;
        set({ nodes: applyNodeChanges(allowed, get().nodes), ...(allowed.some(isDraftChange) ? touch() : {}) });
      },
      onEdgesChange: (changes) =>
        set({ edges: applyEdgeChanges(changes, get().edges), ...(changes.some(isDraftChange) ? touch() : {}) }),
      connect: (connection) => {
        const { nodes, edges } = get();
        if (!canConnect(connection, nodes, edges)) return;
        const { source, sourceHandle, target } = connection;
        const edge = toEditorEdge({ id: edgeId(source, sourceHandle, target), source, target, sourceHandle });
        set({ edges: addEdge(edge, edges), ...touch() });
      },
      addNode: (type, position) => {
        const id = nextNodeId(type, get().nodes);
        const node = { ...toEditorNode({ id, type, position, data: defaultConfig(type) }), selected: true };
        set({
          nodes: [...get().nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), node],
          edges: get().edges.map((e) => (e.selected ? { ...e, selected: false } : e)),
          ...touch(),
        });
        return id;
      },
      updateNodeData: (id, data) =>
        set({ nodes: get().nodes.map((n) => (n.id === id ? { ...n, data } : n)), ...touch() }),
      deleteElement: (id) => {
        const node = get().nodes.find((n) => n.id === id);
        if (node?.deletable === false) return;
        set({
          nodes: get().nodes.filter((n) => n.id !== id),
          edges: get().edges.filter((e) => e.id !== id && e.source !== id && e.target !== id),
          ...touch(),
        });
      },
      selectNode: (id) =>
        set({
          nodes: get().nodes.map((n) => (n.selected === (n.id === id) ? n : { ...n, selected: n.id === id })),
          edges: get().edges.map((e) => (e.selected ? { ...e, selected: false } : e)),
        }),
      setName: (name) => set({ name, ...touch() }),
      set: (patch) => set(patch),
    };
  });
}

export const selectDirty = (s: EditorState) => s.revision !== s.savedRevision;

/** The node the inspector edits: the single selected node, if exactly one is selected. */
export function selectInspected(s: EditorState): EditorNode | undefined {
  const selected = s.nodes.filter((n) => n.selected);
  return selected.length === 1 ? selected[0] : undefined;
}

export function selectSelectedEdge(s: EditorState): EditorEdge | undefined {
  const selected = s.edges.filter((e) => e.selected);
  return selected.length === 1 && !s.nodes.some((n) => n.selected) ? selected[0] : undefined;
}
