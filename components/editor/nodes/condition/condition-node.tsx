"use client";

import type { NodeProps } from "@xyflow/react";
import { memo, useMemo } from "react";
import type { EditorNode } from "../../editor-node";
import { NodeOutputs } from "../../node-outputs";
import { NodeShell } from "../../node-shell";
import { SummaryLine } from "../node-summary";
import { conditionSummary } from "./condition-summary";

function ConditionNodeView({ id, data, selected }: NodeProps<EditorNode>) {
  // Memoized on data: dragging re-renders the node with the same data.
  const words = useMemo(() => conditionSummary(data), [data]);
  return (
    <NodeShell id={id} type="condition" selected={selected}>
      <SummaryLine words={words} />
      <NodeOutputs nodeId={id} type="condition" data={data} />
    </NodeShell>
  );
}

export const ConditionNode = memo(ConditionNodeView);
