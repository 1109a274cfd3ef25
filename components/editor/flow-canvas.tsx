"use client";

import {
  Background,
  BackgroundVariant,
  type Connection,
  Controls,
  type Edge,
  ReactFlow,
  useReactFlow,
} from "@xyflow/react";
import { type DragEvent, useCallback, useState } from "react";
import { canConnect } from "./can-connect";
import type { EditorEdge, EditorNode } from "./editor-node";
import { editorNodeTypes } from "./editor-node-types";
import { useEditor, useEditorStoreApi } from "./editor-store-context";
import { isNodeType, PALETTE_MIME } from "./palette";
import { useStats } from "./stats/stats-context";
import { statsEdgeTypes } from "./stats/stats-edge";

const DELETE_KEYS = ["Delete", "Backspace"];
/** Past this many nodes the canvas drops decoration that costs frames while dragging. */
const LARGE_GRAPH_NODES = 150;
const FIT_VIEW_OPTIONS = { maxZoom: 1, padding: 0.25 };

/** Half a node card, so a dropped node lands centred under the pointer. */
export const NODE_CENTER_OFFSET = { x: 128, y: 40 };

export function FlowCanvas() {
  const store = useEditorStoreApi();
  const nodes = useEditor((s) => s.nodes);
  const edges = useEditor((s) => s.edges);
  const onNodesChange = useEditor((s) => s.onNodesChange);
  const onEdgesChange = useEditor((s) => s.onEdgesChange);
  const connect = useEditor((s) => s.connect);
  const addNode = useEditor((s) => s.addNode);
  const largeGraph = useEditor((s) => s.nodes.length > LARGE_GRAPH_NODES);
  // Edges carry their counts only while the Stats overlay is on; otherwise React Flow's own edges.
  const statsOn = useStats((s) => s.on);
  const { screenToFlowPosition } = useReactFlow();
  // Decided once per mount: a new automation (a lone trigger) opens with it top-left, leaving room
  // to build; anything bigger is fitted into view.
  const [startViewport] = useState(() => {
    const { nodes } = store.getState();
    const only = nodes.length <= 1 ? (nodes[0]?.position ?? { x: 0, y: 0 }) : null;
    return only ? { x: 80 - only.x, y: 160 - only.y, zoom: 1 } : undefined;
  });

  const isValidConnection = useCallback(
    (connection: Connection | Edge) => canConnect(connection, store.getState().nodes, store.getState().edges),
    [store],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(PALETTE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const type = event.dataTransfer.getData(PALETTE_MIME);
      if (!isNodeType(type)) return;
      event.preventDefault();
      const point = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      addNode(type, { x: point.x - NODE_CENTER_OFFSET.x, y: point.y - NODE_CENTER_OFFSET.y });
    },
    [addNode, screenToFlowPosition],
  );

  return (
    <ReactFlow<EditorNode, EditorEdge>
      aria-label="Automation canvas"
      nodes={nodes}
      edges={edges}
      nodeTypes={editorNodeTypes}
      edgeTypes={statsOn ? statsEdgeTypes : undefined}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onConnect={connect}
      isValidConnection={isValidConnection}
      onDragOver={onDragOver}
      onDrop={onDrop}
      deleteKeyCode={DELETE_KEYS}
      fitView={!startViewport}
      fitViewOptions={FIT_VIEW_OPTIONS}
      defaultViewport={startViewport}
      minZoom={0.25}
      maxZoom={1.5}
      className="bg-slate-50"
    >
      {/* The dot grid costs a quarter of a drag's raster time on a big graph (software raster, measured): large graphs go without it. */}
      {largeGraph ? null : <Background variant={BackgroundVariant.Dots} gap={20} size={1.5} color="#cbd5e1" />}
      <Controls showInteractive={false} position="bottom-left" />
    </ReactFlow>
  );
}
