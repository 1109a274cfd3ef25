"use client";

import { useUpdateNodeInternals } from "@xyflow/react";
import { useEffect, useMemo, useRef } from "react";
import type { NodeType } from "@/lib/flow/graph";
import { nodeOutputs } from "@/lib/flow/registry";
import type { NodeConfig } from "../editor-node";

/**
 * React Flow measures a node's handles when the node mounts or resizes. Routes and cases add,
 * remove and rename handles without always changing the node's size, so this tells React Flow
 * whenever the node's output ids change; otherwise an edge to a renamed handle is not drawn.
 */
export function useSyncHandles(nodeId: string, type: NodeType, data: NodeConfig): void {
  const updateNodeInternals = useUpdateNodeInternals();
  const handleIds = useMemo(() => nodeOutputs(type, data).map((output) => output.id).join("\n"), [type, data]);
  const measured = useRef(handleIds);
  useEffect(() => {
    if (measured.current === handleIds) return; // measured on mount already
    measured.current = handleIds;
    updateNodeInternals(nodeId);
  }, [handleIds, nodeId, updateNodeInternals]);
}
