"use client";

import type { NodeProps } from "@xyflow/react";
import { memo, useMemo } from "react";
import type { EditorNode } from "../../editor-node";
import { NodeOutputs } from "../../node-outputs";
import { NodeShell } from "../../node-shell";
import { SummaryLine } from "../node-summary";
import { tagSummary } from "./tag-summary";

function TagNodeView({ id, data, selected }: NodeProps<EditorNode>) {
  const words = useMemo(() => tagSummary(data), [data]);
  return (
    <NodeShell id={id} type="tag" selected={selected}>
      <SummaryLine words={words} />
      <NodeOutputs nodeId={id} type="tag" data={data} />
    </NodeShell>
  );
}

export const TagNode = memo(TagNodeView);
