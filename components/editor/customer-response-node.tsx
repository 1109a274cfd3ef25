"use client";

import type { NodeProps } from "@xyflow/react";
import { Clock } from "lucide-react";
import { memo } from "react";
import { formatDuration } from "@/lib/flow/duration";
import { customerResponseConfig } from "@/lib/flow/nodes/customer-response";
import type { EditorNode } from "./editor-node";
import { NodeOutputs } from "./node-outputs";
import { NodeShell } from "./node-shell";

function CustomerResponseNodeView({ id, data, selected }: NodeProps<EditorNode>) {
  const config = customerResponseConfig.safeParse(data);
  return (
    <NodeShell id={id} type="customerResponse" selected={selected}>
      <div className="flex items-center gap-1.5 px-3 pb-2.5 text-sm text-slate-700">
        <Clock aria-hidden className="size-3.5 text-violet-500" />
        {config.success ? (
          <span>Wait {formatDuration(config.data.timeout)}</span>
        ) : (
          <span className="text-red-600">Set a valid timeout</span>
        )}
      </div>
      <NodeOutputs nodeId={id} type="customerResponse" />
    </NodeShell>
  );
}

export const CustomerResponseNode = memo(CustomerResponseNodeView);
