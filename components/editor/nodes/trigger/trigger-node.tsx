"use client";

import type { NodeProps } from "@xyflow/react";
import { memo } from "react";
import type { EditorNode } from "../../editor-node";
import { NodeOutputs } from "../../node-outputs";
import { NodeShell } from "../../node-shell";

function TriggerNodeView({ id, data, selected }: NodeProps<EditorNode>) {
  return (
    <NodeShell id={id} type="trigger" selected={selected}>
      <p className="px-3 pb-3 text-xs text-slate-500">Contacts enter here when you start a run.</p>
      <NodeOutputs nodeId={id} type="trigger" data={data} />
    </NodeShell>
  );
}

export const TriggerNode = memo(TriggerNodeView);
