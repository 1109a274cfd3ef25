"use client";

import type { NodeProps } from "@xyflow/react";
import { Clock } from "lucide-react";
import { memo } from "react";
import type { EditorNode } from "./editor-node";
import { NodeOutputs } from "./node-outputs";
import { NodeShell } from "./node-shell";
import { OUTSIDE_WINDOW_HINT, useOutsideWindow } from "./use-outside-window";

function SendMessageNodeView({ id, data, selected }: NodeProps<EditorNode>) {
  const text = typeof data.text === "string" ? data.text.trim() : "";
  const template = typeof data.template === "string" && data.template ? data.template : null;
  const outsideWindow = useOutsideWindow(id);
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
        {template ? <p className="mt-1.5 text-[11px] text-slate-500">Template: {template}</p> : null}
        {outsideWindow ? (
          <p title={OUTSIDE_WINDOW_HINT} className="mt-1.5 flex items-center gap-1 text-[11px] text-amber-700">
            <Clock aria-hidden className="size-3" /> May be outside the 24-hour window
          </p>
        ) : null}
      </div>
      <NodeOutputs nodeId={id} type="sendMessage" />
    </NodeShell>
  );
}

export const SendMessageNode = memo(SendMessageNodeView);
