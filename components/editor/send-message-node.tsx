"use client";

import type { NodeProps } from "@xyflow/react";
import { memo } from "react";
import type { EditorNode } from "./editor-node";
import { NodeOutputs } from "./node-outputs";
import { NodeShell } from "./node-shell";

function SendMessageNodeView({ id, data, selected }: NodeProps<EditorNode>) {
  const text = typeof data.text === "string" ? data.text.trim() : "";
  return (
    <NodeShell id={id} type="sendMessage" selected={selected}>
      <div className="px-3 pb-3">
        {text ? (
          <p className="line-clamp-3 rounded-lg rounded-tl-sm bg-sky-50 px-2.5 py-1.5 text-xs leading-relaxed break-words whitespace-pre-wrap text-slate-700">
            {text}
          </p>
        ) : (
          <p className="text-xs text-slate-400 italic">No message yet</p>
        )}
      </div>
      <NodeOutputs nodeId={id} type="sendMessage" />
    </NodeShell>
  );
}

export const SendMessageNode = memo(SendMessageNodeView);
