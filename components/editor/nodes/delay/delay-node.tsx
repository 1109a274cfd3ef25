"use client";

import type { NodeProps } from "@xyflow/react";
import { Timer } from "lucide-react";
import { memo, useMemo } from "react";
import type { EditorNode } from "../../editor-node";
import { NodeOutputs } from "../../node-outputs";
import { NodeShell } from "../../node-shell";
import { SummaryLine } from "../node-summary";
import { delaySummary } from "./delay-summary";

function DelayNodeView({ id, data, selected }: NodeProps<EditorNode>) {
  const words = useMemo(() => delaySummary(data), [data]);
  return (
    <NodeShell id={id} type="delay" selected={selected}>
      <SummaryLine words={words} icon={Timer} iconClass="text-yellow-600" />
      <NodeOutputs nodeId={id} type="delay" data={data} />
    </NodeShell>
  );
}

export const DelayNode = memo(DelayNodeView);
