import type { ComponentType } from "react";
import type { NodeType } from "@/lib/flow/graph";
import type { EditorNode } from "./editor-node";
import { BranchInspector } from "./nodes/branch/branch-inspector";
import { ConditionInspector } from "./nodes/condition/condition-inspector";
import { CustomerResponseInspector } from "./nodes/customer-response/customer-response-inspector";
import { DelayInspector } from "./nodes/delay/delay-inspector";
import { ExitAutomationsInspector } from "./nodes/exit-automations/exit-automations-inspector";
import { HandoffInspector } from "./nodes/handoff/handoff-inspector";
import { SendMessageInspector } from "./nodes/send-message/send-message-inspector";
import { SetFieldInspector } from "./nodes/set-field/set-field-inspector";
import { StartAutomationInspector } from "./nodes/start-automation/start-automation-inspector";
import { TagInspector } from "./nodes/tag/tag-inspector";
import { WebhookInspector } from "./nodes/webhook/webhook-inspector";

/** Config forms per node type; `null` for types without settings. */
export const nodeInspectors: Record<NodeType, ComponentType<{ node: EditorNode }> | null> = {
  trigger: null,
  sendMessage: SendMessageInspector,
  customerResponse: CustomerResponseInspector,
  condition: ConditionInspector,
  branch: BranchInspector,
  delay: DelayInspector,
  tag: TagInspector,
  setField: SetFieldInspector,
  webhook: WebhookInspector,
  startAutomation: StartAutomationInspector,
  exitAutomations: ExitAutomationsInspector,
  handoff: HandoffInspector,
  end: null,
};
