"use client";

import { useMemo } from "react";
import type { RunStep } from "@/components/runs/run-schemas";
import { useEditorStoreApi } from "../editor-store-context";

/** The steps' nodes in order, and the draft's edges the run took between them. */
export function takenPath(steps: RunStep[], edges: { id: string; source: string; target: string; sourceHandle?: string | null }[]) {
  const nodes = steps.flatMap((s) => (s.nodeId ? [s.nodeId] : []));
  const taken = new Set<string>();
  for (let i = 0; i + 1 < steps.length; i++) {
    const from = steps[i]!;
    const to = steps.slice(i + 1).find((s) => s.nodeId && s.nodeId !== from.nodeId);
    if (!from.nodeId || !to?.nodeId) continue;
    const handle = from.outcome ?? "default";
    const edge = edges.find((e) => e.source === from.nodeId && e.target === to.nodeId && (e.sourceHandle ?? "default") === handle)
      ?? edges.find((e) => e.source === from.nodeId && e.target === to.nodeId);
    if (edge) taken.add(edge.id);
  }
  return { nodes: new Set(nodes), edges: taken };
}

/**
 * Lights up the test run's path on the canvas with a style sheet keyed by React Flow's data-id
 * attributes: no node or edge re-renders, so a 300-node canvas pays nothing for it. The current
 * step gets a stronger ring. `!important` outranks the edges' inline colours (a handle's own).
 */
export function PathHighlight({ steps, currentNodeId }: { steps: RunStep[]; currentNodeId: string | null }) {
  const store = useEditorStoreApi();
  const css = useMemo(() => {
    const { nodes, edges } = takenPath(steps, store.getState().edges);
    const node = (id: string) => `.react-flow__node[data-id="${CSS.escape(id)}"] > div`;
    return [
      nodes.size ? `${[...nodes].map(node).join(",")} { box-shadow: 0 0 0 3px rgb(16 185 129 / 0.55) !important; }` : "",
      currentNodeId ? `${node(currentNodeId)} { box-shadow: 0 0 0 4px rgb(5 150 105) !important; }` : "",
      edges.size ? `${[...edges].map((id) => `.react-flow__edge[data-id="${CSS.escape(id)}"] .react-flow__edge-path`).join(",")} { stroke: rgb(5 150 105) !important; stroke-width: 3 !important; }` : "",
    ].join("\n");
  }, [steps, currentNodeId, store]);
  return <style data-testid="sim-path">{css}</style>;
}
