"use client";

import type { NodeProps } from "@xyflow/react";
import { memo, useMemo } from "react";
import type { EditorNode } from "../../editor-node";
import { NodeOutputs } from "../../node-outputs";
import { NodeShell } from "../../node-shell";
import { SummaryLine } from "../node-summary";
import { webhookSummary } from "./webhook-summary";

function WebhookNodeView({ id, data, selected }: NodeProps<EditorNode>) {
  const words = useMemo(() => webhookSummary(data), [data]);
  return (
    <NodeShell id={id} type="webhook" selected={selected}>
      <SummaryLine words={words} />
      {words.details?.length ? <p className="-mt-1.5 px-3 pb-2.5 text-[11px] text-slate-500">{words.details.join(" · ")}</p> : null}
      <NodeOutputs nodeId={id} type="webhook" data={data} />
    </NodeShell>
  );
}

export const WebhookNode = memo(WebhookNodeView);
