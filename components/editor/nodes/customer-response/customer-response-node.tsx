"use client";

import type { NodeProps } from "@xyflow/react";
import { Clock } from "lucide-react";
import { memo, useMemo } from "react";
import { boundedDurationSchema, formatDuration } from "@/lib/flow/duration";
import { customerResponseConfig } from "@/lib/flow/nodes/customer-response";
import type { EditorNode } from "../../editor-node";
import { NodeOutputs } from "../../node-outputs";
import { NodeShell } from "../../node-shell";
import { textOf } from "../node-data";
import { firstIssuePath, NodeSummary } from "../node-summary";
import { useSyncHandles } from "../use-sync-handles";

/** "Wait 1 hour", where the reply is saved, then the route handles before Replied / No response. */
function CustomerResponseNodeView({ id, data, selected }: NodeProps<EditorNode>) {
  const { timeout, problem } = useMemo(() => {
    const timeout = boundedDurationSchema.safeParse(data.timeout);
    const parsed = customerResponseConfig.safeParse(data);
    const [first] = parsed.success ? [] : firstIssuePath(parsed.error);
    const problem = first === "routes" ? "Fix the routes" : first === "saveReplyTo" ? "Fix the field the reply is saved to" : null;
    return { timeout: timeout.success ? timeout.data : null, problem };
  }, [data]);
  const saveReplyTo = textOf(data.saveReplyTo).trim();
  useSyncHandles(id, "customerResponse", data);

  return (
    <NodeShell id={id} type="customerResponse" selected={selected}>
      <NodeSummary icon={Clock} iconClass="text-violet-500" missing={timeout ? null : "Set a valid timeout"}>
        {timeout ? `Wait ${formatDuration(timeout)}` : null}
      </NodeSummary>
      {saveReplyTo || problem ? (
        <div className="-mt-1.5 space-y-0.5 px-3 pb-2.5 text-[11px]">
          {saveReplyTo ? <p className="text-slate-500">Saves reply to {saveReplyTo}</p> : null}
          {problem ? <p className="text-red-600">{problem}</p> : null}
        </div>
      ) : null}
      <NodeOutputs nodeId={id} type="customerResponse" data={data} />
    </NodeShell>
  );
}

export const CustomerResponseNode = memo(CustomerResponseNodeView);
