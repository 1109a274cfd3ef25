"use client";

import { ReactFlowProvider, useReactFlow } from "@xyflow/react";
import { useEffect, useRef } from "react";
import type { AutomationView } from "@/lib/automations/automation-view";
import type { NodeType } from "@/lib/flow/graph";
import { saveDraft } from "./draft-actions";
import { EditorStoreProvider, useEditorStoreApi } from "./editor-store-context";
import { EditorToolbar } from "./editor-toolbar";
import { FlowCanvas, NODE_CENTER_OFFSET } from "./flow-canvas";
import { findFreeSpot } from "./flow-graph";
import { Inspector } from "./inspector";
import { IssuesPanel } from "./issues-panel";
import { Palette } from "./palette";
import { StatsBanner } from "./stats/stats-banner";
import { StatsStoreProvider } from "./stats/stats-context";
import { StatsFeed } from "./stats/stats-feed";
import { SimulatorProvider } from "./simulator/simulator-context";
import { SimulatorPanel } from "./simulator/simulator-panel";
import { useLeaveWarning } from "./use-leave-warning";

/** The whole editor for one automation: toolbar, palette, canvas, problems and inspector. */
export function AutomationEditor({ automation }: { automation: AutomationView }) {
  return (
    <EditorStoreProvider key={automation.id} automation={automation}>
      <StatsStoreProvider automationId={automation.id}>
        <ReactFlowProvider>
          <SimulatorProvider>
            <EditorLayout />
          </SimulatorProvider>
        </ReactFlowProvider>
      </StatsStoreProvider>
    </EditorStoreProvider>
  );
}

function EditorLayout() {
  const canvas = useRef<HTMLDivElement>(null);
  const addAtCenter = useAddAtCenter(canvas);
  useLeaveWarning();
  useSaveShortcut();

  return (
    <div className="flex h-full min-h-0 flex-col">
      <EditorToolbar />
      <div className="flex min-h-0 flex-1">
        <Palette onAdd={addAtCenter} />
        <div ref={canvas} className="relative min-w-0 flex-1">
          <FlowCanvas />
          <StatsBanner />
          <StatsFeed />
          <SimulatorPanel />
        </div>
        <aside aria-label="Step settings" className="w-80 shrink-0 overflow-y-auto border-l border-slate-200 bg-white">
          <IssuesPanel />
          <Inspector />
        </aside>
      </div>
    </div>
  );
}

/** Click-to-add: puts the node in the middle of the visible canvas, or below whatever is there. */
function useAddAtCenter(canvas: React.RefObject<HTMLDivElement | null>) {
  const { screenToFlowPosition } = useReactFlow();
  const store = useEditorStoreApi();
  return (type: NodeType) => {
    const rect = canvas.current?.getBoundingClientRect();
    if (!rect) return;
    const { nodes, addNode } = store.getState();
    const center = screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
    addNode(type, findFreeSpot({ x: center.x - NODE_CENTER_OFFSET.x, y: center.y - NODE_CENTER_OFFSET.y }, nodes));
  };
}

function useSaveShortcut() {
  const store = useEditorStoreApi();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === "s") {
        event.preventDefault();
        void saveDraft(store);
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [store]);
}
