"use client";

import type { NodeProps } from "@xyflow/react";
import { memo } from "react";
import type { EditorNode } from "../../editor-node";
import { NodeOutputs } from "../../node-outputs";
import { NodeShell } from "../../node-shell";
import { stringsOf } from "../node-data";
import { NodeSummary } from "../node-summary";

/** "Exit all other automations", or "Exit 2 automations". */
function ExitAutomationsNodeView({ id, data, selected }: NodeProps<EditorNode>) {
  const selectedOnly = data.scope === "selected";
  const count = new Set(stringsOf(data.automationIds)).size;
  const missing = missingChoice(data.scope, count);
  return (
    <NodeShell id={id} type="exitAutomations" selected={selected}>
      <NodeSummary missing={missing}>
        {selectedOnly ? `Exit ${count} ${count === 1 ? "automation" : "automations"}` : "Exit all other automations"}
      </NodeSummary>
      <NodeOutputs nodeId={id} type="exitAutomations" data={data} />
    </NodeShell>
  );
}

export const ExitAutomationsNode = memo(ExitAutomationsNodeView);

function missingChoice(scope: unknown, count: number): string | null {
  if (scope === "others") return null;
  if (scope !== "selected") return "Choose which automations to exit";
  return count === 0 ? "Choose automations to exit" : null;
}
