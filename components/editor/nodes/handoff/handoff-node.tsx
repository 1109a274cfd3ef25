"use client";

import type { NodeProps } from "@xyflow/react";
import { memo } from "react";
import type { EditorNode } from "../../editor-node";
import { NodeOutputs } from "../../node-outputs";
import { NodeShell } from "../../node-shell";
import { NodeSummary } from "../node-summary";

/** "Hand over to the inbox", with the note staff will read. */
function HandoffNodeView({ id, data, selected }: NodeProps<EditorNode>) {
  const note = typeof data.note === "string" && data.note.trim() ? data.note.trim() : null;
  return (
    <NodeShell id={id} type="handoff" selected={selected}>
      <NodeSummary missing={null}>{note ? `Inbox: ${note}` : "Hand over to the inbox"}</NodeSummary>
      <NodeOutputs nodeId={id} type="handoff" data={data} />
    </NodeShell>
  );
}

export const HandoffNode = memo(HandoffNodeView);
