"use client";

import { Handle, Position } from "@xyflow/react";
import { clsx } from "clsx";
import { CircleAlert } from "lucide-react";
import type { NodeType } from "@/lib/flow/graph";
import type { OutputHandle } from "@/lib/flow/node-definition";
import { nodeOutputs } from "@/lib/flow/registry";
import type { NodeConfig } from "./editor-node";
import { useEditor } from "./editor-store-context";
import { missingHandleKey } from "./graph-analysis";
import { handleColor } from "./node-appearance";

/**
 * A node's source handles. A lone `default` output is an unnamed handle on the card's edge
 * (its edges carry no sourceHandle); named outputs get one labelled row each, `id` = handle id.
 */
export function NodeOutputs({ nodeId, type, data }: { nodeId: string; type: NodeType; data: NodeConfig }) {
  const outputs = nodeOutputs(type, data);
  const only = outputs[0];
  if (outputs.length === 1 && only?.id === "default") return <LoneOutput nodeId={nodeId} output={only} />;
  if (outputs.length === 0) return null;
  return (
    <div className="space-y-0.5 border-t border-slate-100 py-1.5">
      {outputs.map((output) => (
        <OutputRow key={output.id} nodeId={nodeId} output={output} />
      ))}
    </div>
  );
}

function LoneOutput({ nodeId, output }: { nodeId: string; output: OutputHandle }) {
  return <OutputHandleDot output={output} missing={useMissing(nodeId, output)} />;
}

function OutputRow({ nodeId, output }: { nodeId: string; output: OutputHandle }) {
  const missing = useMissing(nodeId, output);
  return (
    <div className="relative flex items-center justify-end gap-1.5 py-1 pr-4 pl-3 text-xs font-medium text-slate-600">
      {missing ? <CircleAlert aria-label="Not connected" className="size-3.5 text-red-500" /> : null}
      <span className={clsx(missing && "text-red-600")}>{output.label}</span>
      <OutputHandleDot output={output} missing={missing} />
    </div>
  );
}

function OutputHandleDot({ output, missing }: { output: OutputHandle; missing: boolean }) {
  const color = handleColor[output.id] ?? handleColor.default;
  return (
    <Handle
      type="source"
      position={Position.Right}
      id={output.id === "default" ? undefined : output.id}
      title={missing ? `${output.label}: not connected` : output.label}
      style={{
        width: 12,
        height: 12,
        // Offsets instead of React Flow's centring transform (see node-shell.tsx): same spot.
        right: -7,
        top: "calc(50% - 6px)",
        transform: "none",
        background: missing ? "#fff" : color,
        border: `2px solid ${missing ? "#ef4444" : color}`,
        boxShadow: missing ? "0 0 0 3px rgb(239 68 68 / 0.2)" : undefined,
      }}
    />
  );
}

/** A required output without an edge: publishing would fail on it (from the store's analysis). */
function useMissing(nodeId: string, output: OutputHandle): boolean {
  const key = missingHandleKey(nodeId, output.id);
  return useEditor((s) => s.analysis.missingHandles.has(key));
}
