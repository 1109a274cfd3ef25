"use client";

import type { NodeProps } from "@xyflow/react";
import { memo } from "react";
import type { EditorNode } from "../../editor-node";
import { NodeOutputs } from "../../node-outputs";
import { NodeShell } from "../../node-shell";
import { useAutomationName } from "../../use-automations";
import { textOf } from "../node-data";
import { NodeSummary } from "../node-summary";

/** "Start Welcome series": the name from the editor's one automations list, else the id. */
function StartAutomationNodeView({ id, data, selected }: NodeProps<EditorNode>) {
  const automationId = textOf(data.automationId).trim();
  const name = useAutomationName(automationId);
  return (
    <NodeShell id={id} type="startAutomation" selected={selected}>
      <NodeSummary missing={automationId === "" ? "Choose an automation" : null}>Start {name ?? automationId}</NodeSummary>
      <NodeOutputs nodeId={id} type="startAutomation" data={data} />
    </NodeShell>
  );
}

export const StartAutomationNode = memo(StartAutomationNodeView);
