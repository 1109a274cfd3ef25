"use client";

import type { NodeProps } from "@xyflow/react";
import { memo, useMemo } from "react";
import type { EditorNode } from "../../editor-node";
import { NodeOutputs } from "../../node-outputs";
import { NodeShell } from "../../node-shell";
import { SummaryLine } from "../node-summary";
import { setFieldSummary } from "./set-field-summary";

function SetFieldNodeView({ id, data, selected }: NodeProps<EditorNode>) {
  const words = useMemo(() => setFieldSummary(data), [data]);
  return (
    <NodeShell id={id} type="setField" selected={selected}>
      <SummaryLine words={words} />
      <NodeOutputs nodeId={id} type="setField" data={data} />
    </NodeShell>
  );
}

export const SetFieldNode = memo(SetFieldNodeView);
