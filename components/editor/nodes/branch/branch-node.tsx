"use client";

import type { NodeProps } from "@xyflow/react";
import { memo, useMemo } from "react";
import type { EditorNode } from "../../editor-node";
import { NodeOutputs } from "../../node-outputs";
import { NodeShell } from "../../node-shell";
import { useSyncHandles } from "../use-sync-handles";
import { SummaryLine } from "../node-summary";
import { branchSummary } from "./branch-summary";

/** The subject and its cases in words; one labelled handle per case (`data-handleid` = case id), then Else. */
function BranchNodeView({ id, data, selected }: NodeProps<EditorNode>) {
  const words = useMemo(() => branchSummary(data), [data]);
  useSyncHandles(id, "branch", data);
  return (
    <NodeShell id={id} type="branch" selected={selected}>
      <SummaryLine words={words} />
      <NodeOutputs nodeId={id} type="branch" data={data} />
    </NodeShell>
  );
}

export const BranchNode = memo(BranchNodeView);
