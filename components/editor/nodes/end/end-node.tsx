"use client";

import type { NodeProps } from "@xyflow/react";
import { memo } from "react";
import type { EditorNode } from "../../editor-node";
import { NodeShell } from "../../node-shell";

function EndNodeView({ id, selected }: NodeProps<EditorNode>) {
  return (
    <NodeShell id={id} type="end" selected={selected}>
      <p className="px-3 pb-3 text-xs text-slate-500">The run finishes here.</p>
    </NodeShell>
  );
}

export const EndNode = memo(EndNodeView);
